package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloneUrlTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://github.com/acme/hello, https://github.com/acme/hello",
        "https://github.com/acme/hello.git, https://github.com/acme/hello.git",
        "'  https://gitlab.com/acme/hello.git\n', https://gitlab.com/acme/hello.git",
        "https://jdoe:ghp_s3cr3t@github.com/acme/hello.git, https://github.com/acme/hello.git",
        "https://oauth2:glpat-x@gitlab.example.org:8443/group/sub/hello.git, https://gitlab.example.org:8443/group/sub/hello.git",
        "http://git.example.org/hello, http://git.example.org/hello",
        "git://127.0.0.1:19418/mono.git, git://127.0.0.1:19418/mono.git",
        "ssh://git@github.com/acme/hello.git, https://github.com/acme/hello.git",
        "ssh://git@pagure.io:2222/hello.git, https://pagure.io/hello.git",
        "git+ssh://jdoe@src.fedoraproject.org/rpms/hello.git, https://src.fedoraproject.org/rpms/hello.git",
        "git@github.com:acme/hello.git, https://github.com/acme/hello.git",
        "github.com:acme/hello, https://github.com/acme/hello",
        "file:///srv/git/hello.git, file:///srv/git/hello.git",
        "/srv/git/hello.git, file:///srv/git/hello.git",
        "file:/tmp/junit42/gitDir/, file:///tmp/junit42/gitDir/",
        "HTTPS://GitHub.com/Acme/Hello, https://GitHub.com/Acme/Hello",
    })
    void shouldGiveThePublicFormThatCoprAndTestingFarmCanClone(String url, String expected) {
        assertThat(CloneUrl.of(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void shouldKeepNoUrlEmpty(String url) {
        assertThat(CloneUrl.of(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://jdoe:ghp_s3cr3t@/acme/hello", "ftp://jdoe:ghp_s3cr3t@example.org/hello",
        "https://jdoe:ghp_s3cr3t@github.com/acme/he llo", "ghp_s3cr3t", "srv/git/ghp_s3cr3t"})
    void shouldRefuseWhatIsNoRepositoryUrlWithoutRepeatingIt(String url) {
        assertThatThrownBy(() -> CloneUrl.of(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a repository URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain("jdoe"));
    }

    @Test
    void shouldHoldRunSettingsRepositoryInPublicForm() {
        var settings = new RunSettings("https://jdoe:ghp_s3cr3t@github.com/acme/hello.git", "c1", "hello", "jdoe",
                Polling.STANDARD, false);

        assertThat(settings.repoUrl()).isEqualTo("https://github.com/acme/hello.git");
        assertThat(settings.toString()).doesNotContain("s3cr3t");
    }
}
