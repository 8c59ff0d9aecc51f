package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliOutcomeTest {
    private static final List<String> SIDE_TAG = List.of("request-side-tag", "--base-tag", "f43-build");

    @Test
    void shouldReadTheSideTagFromFedpkgsCreatedLineOnly() {
        var output = """
                Side tag 'f43-build-side-123456' (id 123456) created.
                Use 'fedpkg build --target=f43-build-side-123456' to use it.
                Use 'koji wait-repo f43-build-side-123456' to wait for the build repo to be generated.
                """;

        assertThat(SideTagOutput.sideTag(output)).isEqualTo("f43-build-side-123456");
        assertThat(SideTagOutput.sideTag("Side tag 'epel9-build-side-7' (id 7) created.\r\n")).isEqualTo("epel9-build-side-7");
        assertThat(CliOutcome.of("fedpkg", SIDE_TAG, 0, output, "").recorded())
                .containsEntry(CliOutcome.SIDE_TAG, "f43-build-side-123456");
    }

    @Test
    void shouldRefuseOutputThatDoesNotNameExactlyOnePlainTag() {
        assertThatThrownBy(() -> SideTagOutput.sideTag("Use 'fedpkg build --target=f43-build-side-1' to use it."))
                .hasMessageContaining("printed no \"Side tag '<name>' (id <n>) created.\" line");
        assertThatThrownBy(() -> SideTagOutput.sideTag("""
                Side tag 'f43-build-side-1' (id 1) created.
                Side tag 'f43-build-side-2' (id 2) created.
                """)).hasMessageContaining("several side tags (2)");
        assertThatThrownBy(() -> SideTagOutput.sideTag("Side tag 'x; rm -rf /' (id 3) created."))
                .hasMessageContaining("no Koji tag name");
        assertThatThrownBy(() -> SideTagOutput.sideTag("Side tag '' (id 3) created."))
                .hasMessageContaining("no Koji tag name");
        assertThat(SideTagOutput.sideTag("Side tag 'f43-build-side-1' (id 1) created.\nSide tag 'f43-build-side-1' (id 1) created."))
                .as("the same tag twice is one tag").isEqualTo("f43-build-side-1");
        assertThat(CliOutcome.of("fedpkg", SIDE_TAG, 1, "Side tag 'f43-build-side-1' (id 1) created.\nboom\n", " (log: l)"))
                .extracting(CliOutcome::succeeded, CliOutcome::reason)
                .containsExactly(false, "fedpkg exited with status 1: boom (log: l)");
    }

    @Test
    void shouldFailPackitAndBodhiRunsThatReportAFailureWithStatusZero() {
        var build = List.of("build", "in-koji", "--dist-git-branch", "f43", ".");
        assertThat(CliOutcome.of("packit", build, 0, """
                Building from the following branches: f43, for package foo
                Build for branch 'f43', target 'None' failed.\s
                >>> Could not execute build
                All builds processed.
                """, "").reason()).isEqualTo("packit exited with status 0 but reported: Build for branch 'f43', target "
                + "'None' failed.");
        assertThat(CliOutcome.of("packit", List.of("create-update", "."), 0, """
                Creating Bodhi update for the following branches: f43
                There was a problem while creating an update for f43:
                Bodhi said no
                """, "").succeeded()).isFalse();
        assertThat(CliOutcome.of("packit", build, 0, "Completed build for branch 'f43', target 'None'.\n", "")
                .succeeded()).isTrue();

        var update = List.of("updates", "new", "--from-tag", "f43-build-side-1");
        assertThat(CliOutcome.of("bodhi", update, 0, "   Update ID: FEDORA-2026-0123456789\n", "").recorded())
                .containsEntry(CliOutcome.BODHI_UPDATE, "FEDORA-2026-0123456789");
        assertThat(CliOutcome.of("bodhi", update, 0, "", "").reason())
                .isEqualTo("bodhi exited with status 0 but printed no update (no 'Update ID:' line)");
        assertThat(CliOutcome.of("koji", List.of("wait-repo", "--request", "t"), 0, "Got repo 1\n", "").succeeded())
                .isTrue();
    }
}
