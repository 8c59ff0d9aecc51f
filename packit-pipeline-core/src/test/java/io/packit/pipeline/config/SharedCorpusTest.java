package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** CI has the shared corpus; a CI run without it fails here (elsewhere the corpus tests are skipped). */
class SharedCorpusTest {
    @Test
    void shouldFindTheCorpusOnCi() {
        assumeTrue(SharedCorpus.isCi(), "not on CI (CI=true not set): the corpus is optional here");

        assertThat(SharedCorpus.absence()).as("the shared corpus on CI").isNull();
    }
}
