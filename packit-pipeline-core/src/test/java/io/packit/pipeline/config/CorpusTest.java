package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.diag.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real packit.yaml of {@code shared/corpus} loads; those Packit refuses give only the removed-key error. */
class CorpusTest {
    private final PackitConfigLoader loader = new PackitConfigLoader();

    static Stream<CorpusFiles.Entry> validFiles() {
        return CorpusFiles.all().stream().filter(CorpusFiles.Entry::valid);
    }

    static Stream<CorpusFiles.Entry> invalidFiles() {
        return CorpusFiles.all().stream().filter(entry -> !entry.valid());
    }

    @Test
    void shouldCoverEveryYamlFileOfTheCorpusFolder() {
        var indexed = CorpusFiles.all().stream().map(CorpusFiles.Entry::path).toList();

        assertThat(indexed).containsExactlyInAnyOrderElementsOf(CorpusFiles.yamlFiles());
        assertThat(indexed).hasSizeGreaterThan(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void shouldLoadFilesPackitAccepts(CorpusFiles.Entry entry) {
        var result = loader.load(entry.path());

        assertThat(result.diagnostics().errors()).as(result.diagnostics().format()).isEmpty();
        var config = result.configOrThrow();
        assertThat(config.jobs()).hasSize(entry.expectedJobs());
        assertThat(config.packages()).isNotEmpty();
        assertThat(config.jobViews()).isNotEmpty();
        for (var job : config.jobs()) {
            assertThat(job.position().line()).isPositive();
            assertThat(job.keyPositions().values()).allSatisfy(position -> {
                assertThat(position.file()).isEqualTo(config.file());
                assertThat(position.line()).isPositive();
            });
            assertThat(job.packages()).allSatisfy(ref -> assertThat(ref.position().line()).isPositive());
            assertThat(job.perPackage().keySet()).containsExactlyElementsOf(job.packageNames());
            job.perPackage().values().forEach(settings -> assertThat(settings.positions().values())
                    .allSatisfy(position -> assertThat(position.line()).isPositive()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void shouldGiveOnlyTheRemovedKeyErrorForFilesPackitRefuses(CorpusFiles.Entry entry) {
        var result = loader.load(entry.path());

        assertThat(result.isValid()).isFalse();
        List<Problem> errors = result.diagnostics().errors();
        assertThat(errors).isNotEmpty();
        assertThat(errors).allSatisfy(error -> assertThat(error.message())
                .matches("key 'synced_files' in .* was removed from Packit; use 'files_to_sync' instead"));
        assertThat(entry.packitVerdict()).contains("synced_files: Unknown field.");
    }
}
