package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void shouldBeEmptyForEqualTexts() {
        assertThat(LineDiff.of("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void shouldGiveAHunkPerChangeWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
        String after = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n15\n16\n";

        assertThat(LineDiff.of("Jenkinsfile", before, "rendered", after)).isEqualTo("""
                --- Jenkinsfile
                +++ rendered
                @@ -1,5 +1,5 @@
                 1
                -2
                +TWO
                 3
                 4
                 5
                @@ -11,5 +11,5 @@
                 11
                 12
                 13
                -14
                 15
                +16
                """);
    }
}
