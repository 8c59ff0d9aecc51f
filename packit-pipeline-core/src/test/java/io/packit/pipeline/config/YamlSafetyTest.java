package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.diag.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile YAML is refused quickly with an error: size, depth and alias-expansion caps, no type construction. */
class YamlSafetyTest {
    private final PackitConfigLoader loader = new PackitConfigLoader();

    private List<String> problems(PackitConfigLoader with, byte[] content) {
        return with.load(".packit.yaml", content).diagnostics().problems().stream().map(Problem::toString).toList();
    }

    private List<String> problems(String yaml) {
        return problems(loader, yaml.getBytes(StandardCharsets.UTF_8));
    }

    static String billionLaughs() {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'i'; name++) {
            yaml.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = name;
        }
        return yaml.toString();
    }

    @Test
    void shouldRefuseABillionLaughsInMilliseconds() {
        long start = System.nanoTime();

        var lines = problems(billionLaughs());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(lines).containsExactly(
                ".packit.yaml: error: YAML expands to more than 100000 nodes (aliases and merge keys included); refusing it");
    }

    @Test
    void shouldRefuseMergeKeyBombs() {
        var yaml = new StringBuilder("a0: &a0 {k: v, l: w}\n");
        for (int i = 1; i < 40; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" {x").append(i).append(": [*a").append(i - 1)
                    .append(", *a").append(i - 1).append("], <<: *a").append(i - 1).append("}\n");
        }

        assertThat(problems(yaml.toString())).containsExactly(
                ".packit.yaml: error: YAML expands to more than 100000 nodes (aliases and merge keys included); refusing it");
    }

    @Test
    void shouldRefuseDeepNesting() {
        var deep = "jobs: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

        assertThat(problems(deep)).singleElement().asString()
                .startsWith(".packit.yaml:1:70: error: YAML nested deeper than 64 levels in jobs[0][0]");
    }

    @Test
    void shouldRefuseFilesOverTheSizeLimit() {
        var small = new PackitConfigLoader(LoadOptions.defaults().withLimits(new YamlLimits(100, 64, 1000)));

        assertThat(problems(small, "a: b\n".repeat(30).getBytes(StandardCharsets.UTF_8))).containsExactly(
                ".packit.yaml: error: file is 150 bytes, more than the limit of 100 bytes");
    }

    @Test
    void shouldRefuseTagsThatWouldConstructTypes() {
        assertThat(problems("""
                specfile_path: !!python/object/apply:os.system ["rm -rf /"]
                owner: !!javax.script.ScriptEngineManager [x]
                project: !custom foo
                identifier: !!str 12
                """)).containsExactly(
                ".packit.yaml:1:16: error: 'specfile_path' in the top level must be a string, got a list",
                ".packit.yaml:1:16: error: YAML tag '!!python/object/apply:os.system' is not supported; packit.yaml uses plain values",
                ".packit.yaml:2:8: error: 'owner' in the top level must be a string, got a list",
                ".packit.yaml:2:8: error: YAML tag '!!javax.script.ScriptEngineManager' is not supported; packit.yaml uses plain values",
                ".packit.yaml:3:10: error: YAML tag '!custom' is not supported; packit.yaml uses plain values");
    }

    @Test
    void shouldResolveScalarsAsPyYamlDoes() {
        var config = loader.load(".packit.yaml", """
                specfile_path: foo.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    preserve_project: yes
                    enable_net: off
                    timeout: 0x10
                    project: "123"
                """.getBytes(StandardCharsets.UTF_8)).configOrThrow();

        var copr = config.jobs().get(0).perPackage().get("foo").copr();
        assertThat(copr.preserveProject()).isTrue();
        assertThat(copr.enableNet()).isFalse();
        assertThat(copr.timeout()).isEqualTo(16);
        assertThat(copr.project()).isEqualTo("123");
    }

    @Test
    void shouldRefuseBinaryGarbageWithAnError() {
        var garbage = new byte[] {'a', ':', ' ', 1, 2, 3, (byte) 0x80, 0x7f};

        assertThat(loader.load(".packit.yaml", garbage).diagnostics().errors()).singleElement().hasToString(
                ".packit.yaml:1:7: error: not UTF-8 text: byte 0x80 is not valid UTF-8 here; save the file as UTF-8, "
                        + "as Packit reads it");
    }
}
