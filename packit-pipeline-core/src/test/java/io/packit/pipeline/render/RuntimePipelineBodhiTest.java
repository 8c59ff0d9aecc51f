package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.bodhi.ReleaseTableSource;
import io.packit.pipeline.bodhi.ResolvedReleaseTable;
import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.graph.NodeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Jenkins plugin calls: Bodhi's table from a cache directory and an OkHttp client, then the plan. */
class RuntimePipelineBodhiTest {
    private static final String CONFIG = """
            specfile_path: hello.spec
            downstream_package_name: hello
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-stable, epel-10]
            """;

    @TempDir
    Path cacheDir;

    @Test
    void shouldPlanWithTheTableBodhiAnswered() {
        try (var bodhi = new FakeBodhi(BodhiFixtures.steady())) {
            var resolved = ReleaseTableSource.create(new OkHttpClient(), bodhi.url(), cacheDir).resolve(null);

            var config = RuntimePipeline.load(".packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8), "",
                    resolved.table());

            assertThat(resolved.origin()).isEqualTo(ResolvedReleaseTable.Origin.BODHI);
            assertThat(RuntimePipeline.planFor(config).nodes()).filteredOn(node -> node.kind() == NodeKind.COPR_BUILD)
                    .singleElement().extracting(node -> node.chroots())
                    .isEqualTo(java.util.List.of("fedora-44-x86_64", "fedora-45-x86_64", "epel-10-x86_64"));
        }
    }
}
