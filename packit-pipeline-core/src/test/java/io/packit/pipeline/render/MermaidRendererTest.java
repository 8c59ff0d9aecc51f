package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.Event;
import org.junit.jupiter.api.Test;

class MermaidRendererTest {
    private final MermaidRenderer renderer = new MermaidRenderer();

    @Test
    void shouldDrawEveryNodeInItsPackageWithEdgesStyledByKind() {
        var plan = PicturePlans.monorepoPullRequest();

        var text = renderer.render(plan);

        assertThat(text).startsWith("---\ntitle: packit.yaml").contains("flowchart LR\n");
        assertThat(text).contains("subgraph p0[\"B\"]", "subgraph p1[\"C\"]", "subgraph p2[\"A\"]");
        for (int i = 0; i < plan.nodes().size(); i++) {
            assertThat(text).contains("    n" + i + "[\"<b>" + plan.nodes().get(i).kind().key() + "</b>");
        }
        assertThat(text).containsPattern("n\\d+ -\\.->\\|\"depends\"\\| n\\d+");
        assertThat(text).containsPattern("n\\d+ ==>\\|\"release gating\"\\| n\\d+");
        assertThat(text).containsPattern("n\\d+ -->\\|\"fedora-42-x86_64\"\\| n\\d+");
        assertThat(text).contains("skipped: manual job not requested");
        assertThat(text).containsPattern("linkStyle [0-9,]+ stroke:#d62728");
        assertThat(text).containsPattern("class n\\d+ build,critical");
        assertThat(text).containsPattern("class n\\d+ skipped\n");
    }

    @Test
    void shouldBeDeterministicAndShowRunConditionsForAllTriggers() {
        var first = renderer.render(PicturePlans.monorepo(new Event.AllTriggers()));
        var second = renderer.render(PicturePlans.monorepo(new Event.AllTriggers()));

        assertThat(first).isEqualTo(second).contains("<i>2 chroots, pull_request, manual</i>");
    }

    @Test
    void shouldEscapeTextThatCouldEndALabel() {
        assertThat(MermaidRenderer.escape("a\"b<c>#d")).isEqualTo("a#quot;b#lt;c#gt;#35;d");
    }
}
