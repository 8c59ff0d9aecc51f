package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpsCompilerTest {
    @Test
    void shouldFailLikeJenkinsWhenTheRenderedMethodIsTooLarge() {
        var plan = PlanScenarios.bigMonorepo(60, 1, 3);
        var unbudgeted = new JenkinsfileRenderer(new RenderOptions(100_000, 100_000, 0, 10_000_000, GroupingLevel.NODE));

        assertThatThrownBy(() -> CpsCompiler.compile(unbudgeted.render(plan)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Method too large");
    }

    @Test
    void shouldCompileTheSamePlanWithinTheDefaultBudget() {
        var plan = PlanScenarios.bigMonorepo(60, 1, 3);
        var renderer = new JenkinsfileRenderer();

        assertThat(renderer.layout(plan).level()).isNotEqualTo(GroupingLevel.NODE);
        assertThat(CpsCompiler.compile(renderer.render(plan))).isPositive();
    }

    @Test
    void shouldRejectGroovyThatDoesNotParse() {
        assertThatThrownBy(() -> CpsCompiler.compile("pipeline { stage('x' { } }"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    }
}
