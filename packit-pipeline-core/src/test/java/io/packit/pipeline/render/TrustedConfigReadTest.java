package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.render.TrustedConfigRead.Decision;
import io.packit.pipeline.render.TrustedConfigRead.Way;
import org.junit.jupiter.api.Test;

class TrustedConfigReadTest {
    @Test
    void shouldReadTheOneFileWhenTheScmOffersAFileSystem() {
        assertThat(TrustedConfigRead.first(".packit.yaml", "GitSCMSource", "abc123", false, true))
                .isEqualTo(new Decision(Way.LIGHTWEIGHT, ""));
    }

    @Test
    void shouldCheckOutTheTrustedRevisionWhenTheScmHasNoFileSystem() {
        assertThat(TrustedConfigRead.first(".packit.yaml", "SubversionSCMSource", "r42", false, false))
                .isEqualTo(new Decision(Way.CHECKOUT, "SubversionSCMSource cannot read single files at r42"
                        + " (no lightweight checkout): checking out r42 to read .packit.yaml"));
    }

    @Test
    void shouldCheckOutWhenTheHeavyweightSwitchIsSetEvenWithAFileSystem() {
        var decision = TrustedConfigRead.first(".packit.yaml", "GitSCMSource", "abc123", true, true);

        assertThat(decision.way()).isEqualTo(Way.CHECKOUT);
        assertThat(decision.logLine()).isEqualTo(
                "org.jenkinsci.plugins.workflow.multibranch.SCMBinder.USE_HEAVYWEIGHT_CHECKOUT is set:"
                        + " checking out abc123 to read .packit.yaml");
    }

    @Test
    void shouldFallBackToACheckoutWhenTheLightweightReadFails() {
        assertThat(TrustedConfigRead.afterLightweightFailure(".packit.yaml", "abc123", "connection reset"))
                .isEqualTo(new Decision(Way.CHECKOUT,
                        "could not read .packit.yaml at abc123 without a checkout (connection reset): checking it out"));
    }

    @Test
    void shouldRefuseABranchWhoseRevisionIsUnknownNamingWhy() {
        assertThat(TrustedConfigRead.unknownRevision(".packit.yaml", "PR-7"))
                .isEqualTo("cannot read .packit.yaml: the revision of PR-7 cannot be determined (was it deleted?),"
                        + " and .packit.yaml is read only from a known, trusted revision");
    }
}
