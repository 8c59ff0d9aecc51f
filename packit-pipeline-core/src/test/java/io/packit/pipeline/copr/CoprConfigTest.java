package io.packit.pipeline.copr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.diag.InvalidInputException;
import org.junit.jupiter.api.Test;

class CoprConfigTest {
    @Test
    void shouldReadCoprsOwnConfigFormat() {
        CoprConfig config = CoprConfig.parse("""
                [copr-cli]
                login = abcdefghijkl
                username = jdoe
                token = zyxwvutsrq
                copr_url = https://copr.stg.fedorainfracloud.org/
                # expiration date: 2026-06-01
                """, "copr");

        assertThat(config.coprUrl()).isEqualTo("https://copr.stg.fedorainfracloud.org");
        assertThat(config.login()).isEqualTo("abcdefghijkl");
        assertThat(config.username()).isEqualTo("jdoe");
        assertThat(config.token().reveal()).isEqualTo("zyxwvutsrq");
        assertThat(config.hasCredentials()).isTrue();
        assertThat(config.toString()).isEqualTo("CoprConfig[coprUrl=https://copr.stg.fedorainfracloud.org, "
                + "login=****, username=jdoe, token=Secret[****]]");
    }

    @Test
    void shouldDefaultToFedoraCoprAndAllowAnonymousUse() {
        CoprConfig config = CoprConfig.parse("[copr-cli]\n", "copr");

        assertThat(config.coprUrl()).isEqualTo("https://copr.fedorainfracloud.org");
        assertThat(config.hasCredentials()).isFalse();
        assertThat(config.auth().isPresent()).isFalse();
    }

    @Test
    void shouldReportEveryProblemWithItsLine() {
        assertThatThrownBy(() -> CoprConfig.parse("""
                [copr-cli]
                copr_url = http://copr.example.org
                login = abc
                just words
                """, "copr"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString).containsExactly(
                                "copr:2:1: error: copr_url 'http://copr.example.org' is not https while 'encrypted' "
                                        + "is true",
                                "copr:3:1: error: 'login' is set but 'token' is missing",
                                "copr:4:1: error: expected 'key = value', got a line without '=' (10 chars)"));
        assertThatThrownBy(() -> CoprConfig.parse("[other]\nx=1\n", "copr"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString).containsExactly("copr: error: no [copr-cli] section"));
    }
}
