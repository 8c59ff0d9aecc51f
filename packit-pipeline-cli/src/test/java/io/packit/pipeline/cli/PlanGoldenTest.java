package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.SharedCorpus;
import io.packit.pipeline.golden.GoldenFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code packit-pipeline plan} on real corpus configs, compared with golden files in
 * {@code src/test/resources/golden/plan}. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class PlanGoldenTest {
    private static final Path GOLDEN = Path.of(System.getProperty("project.root", "..")).resolve(
            "packit-pipeline-cli/src/test/resources/golden/plan");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SSSD__sssd__.packit.yaml", List.of("--event", "pr")),
                Arguments.of("SSSD__sssd__.packit.yaml", List.of("--event", "commit")),
                Arguments.of("containers__podman__.packit.yaml", List.of("--event", "all")),
                Arguments.of("containers__aardvark-dns__.packit.yaml", List.of("--event", "pr")),
                Arguments.of("rpm-software-management__dnf__.packit.yaml", List.of("--event", "pr")),
                Arguments.of("rpm-software-management__dnf5__.packit.yaml", List.of("--event", "all")),
                Arguments.of("rpm-software-management__dnf5__.packit.yaml", List.of("--event", "pr", "--format", "json")),
                Arguments.of("packit__ogr__.packit.yaml", List.of("--event", "release", "--tag", "0.50.0")),
                Arguments.of("cockpit-project__cockpit-podman__packit.yaml", List.of("--event", "commit")),
                Arguments.of("candlepin__subscription-manager__.packit.yml.yaml", List.of("--event", "pr")),
                Arguments.of("keylime__keylime__.packit.yaml", List.of("--event", "pr", "--label", "ready")),
                Arguments.of("fedora-copr__logdetective__packit.yaml", List.of("--event", "commit", "--branch", "main")),
                Arguments.of("csutils__csmock__.packit.yaml", List.of("--event", "all")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void shouldMatchTheGoldenPlan(String file, List<String> options) throws IOException {
        var corpus = SharedCorpus.directory();
        var corpusFile = corpus.resolve(file).toString();
        var args = new ArrayList<String>();
        args.add("plan");
        args.add(corpusFile);
        args.addAll(options);
        args.add("--repository");
        args.add(file.split("__")[1]);

        var run = CommandRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        var actual = run.out().replace(corpus + "/", "corpus/");
        var name = file.replace(".yaml", "") + "__" + String.join("_", options).replace("--", "")
                + (options.contains("json") ? ".json" : ".txt");
        var golden = GOLDEN.resolve(name);
        GoldenFile.assertMatches(golden, actual);
    }
}
