package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotRendererTest {
    @Test
    void shouldDrawClustersNodesAndStyledEdges() {
        var plan = PicturePlans.monorepoPullRequest();

        var text = new DotRenderer().render(plan);

        assertThat(text).startsWith("digraph plan {\n").endsWith("}\n");
        assertThat(text).contains("subgraph cluster_0 {", "label=\"B\";");
        plan.nodes().forEach(node -> assertThat(text).contains("    \"" + node.id() + "\" [label="));
        assertThat(text).contains("\"copr_build:B:build1\" -> \"srpm:A:build1\" [label=\"depends\", "
                + "style=dashed, color=\"#2a6ebb\"");
        assertThat(text).contains("\"koji_build:A:koji@rawhide\" -> \"bodhi_update:A:bodhi@rawhide\" [label=\"release gating\", "
                + "style=bold, color=\"#7b3fa0\"]");
        assertThat(text).contains("skipped: manual job not requested", "fontcolor=\"#888888\"");
        assertThat(text).contains("color=\"#d62728\", penwidth=3");
    }

    @Test
    void shouldQuoteStrings() {
        assertThat(DotRenderer.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }
}
