package io.packit.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfigLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark's generated monorepo is a valid config of the size it claims (so the benchmark measures a real load). */
class GeneratedMonorepoTest {
    @Test
    void shouldGenerateAValidThousandPackageMonorepo() {
        var result = new PackitConfigLoader().load(".packit.yaml", GeneratedMonorepo.yaml(1000).getBytes(StandardCharsets.UTF_8));

        assertThat(result.diagnostics().problems()).isEmpty();
        var config = result.configOrThrow();
        assertThat(config.packages()).hasSize(1000);
        assertThat(config.jobs()).hasSize(8);
        assertThat(config.packages().get("pkg-0999").dependsNames()).containsExactly("pkg-0998", "pkg-0499");
        assertThat(config.jobViews()).hasSize(8000);
    }
}
