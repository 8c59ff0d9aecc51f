package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.steps.StepCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepCallTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F42 = "fedora-42-x86_64";

    private final RunState state = new RunState(new PlanBuilder()
            .build("B", "build1", F41, F42)
            .build("A", "build1", F41, F42).tests("A", "tests1", "build1", F41)
            .depends("A", "B", "build1")
            .release(NodeKind.KOJI_BUILD, "A", "koji1")
            .plan(), new VirtualClock(), false);

    @Test
    void shouldResolveANodeWhoseArgumentsAgreeWithThePlan() {
        var srpm = new StepCall(StepCatalog.SRPM, List.of("srpm:A:build1"), List.of("copr_build:B:build1"), List.of(), "");
        var build = new StepCall(StepCatalog.COPR_BUILD, List.of("copr_build:A:build1"), List.of(), List.of(F41, F42), "");

        assertThat(srpm.resolve(state)).containsExactly(NodeId.parse("srpm:A:build1"));
        assertThat(build.resolve(state)).containsExactly(NodeId.parse("copr_build:A:build1"));
    }

    @Test
    void shouldNameEveryDisagreementWithThePlan() {
        var call = new StepCall(StepCatalog.COPR_BUILD, List.of("copr_build:A:build1"),
                List.of("copr_build:C:build1"), List.of(F41), "");

        assertThatThrownBy(() -> call.resolve(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("packitCoprBuild: the Jenkinsfile does not match packit.yaml: "
                        + "node copr_build:A:build1 does not need copr_build:C:build1 (its needs: [srpm:A:build1]); "
                        + "node copr_build:A:build1 builds [fedora-41-x86_64, fedora-42-x86_64], not [fedora-41-x86_64]");
    }

    @Test
    void shouldRefuseANodeOfAnotherKindOrNotInThePlan() {
        assertThatThrownBy(() -> new StepCall(StepCatalog.TESTING_FARM, List.of("copr_build:A:build1"), List.of(),
                List.of(), "").resolve(state))
                .hasMessage("packitTestingFarm: the Jenkinsfile does not match packit.yaml: "
                        + "node copr_build:A:build1 is a copr_build node, which packitTestingFarm does not run");
        assertThatThrownBy(() -> new StepCall(StepCatalog.SRPM, List.of("srpm:Z:build1"), List.of(), List.of(), "")
                .resolve(state))
                .hasMessage("packitSrpm: the Jenkinsfile does not match packit.yaml: the plan has no node srpm:Z:build1");
    }

    @Test
    void shouldResolveGroupSelectorsInPlanOrderAndNeverGroupCliNodes() {
        var group = new StepCall(StepCatalog.GROUP, List.of("package:A"), List.of(), List.of(), "");

        assertThatThrownBy(() -> group.resolve(state))
                .hasMessage("packitGroup: the Jenkinsfile does not match packit.yaml: "
                        + "node koji_build:A:koji1 runs the packit command line and is never grouped");
        assertThat(new StepCall(StepCatalog.GROUP, List.of("job:A:build1", "srpm:B:build1"), List.of(), List.of(), "")
                .resolve(state))
                .containsExactly(NodeId.parse("srpm:B:build1"), NodeId.parse("srpm:A:build1"),
                        NodeId.parse("copr_build:A:build1"));
    }

    @Test
    void shouldRefuseAnUnknownStep() {
        assertThatThrownBy(() -> new StepCall("packitDance", List.of(), List.of(), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown packit step 'packitDance' (expected one of: packitSrpm, packitCoprBuild, "
                        + "packitTestingFarm, packitCli, packitGroup)");
    }

    @Test
    void shouldNameANullListArgumentOrElementInsteadOfThrowingANullPointerException() {
        var withNull = new java.util.ArrayList<String>(List.of("srpm:A:build1"));
        withNull.add(null);

        assertThatThrownBy(() -> StepCall.listArgument(StepCatalog.ARG_NEEDS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'needs' must be a list of strings, not null");
        assertThatThrownBy(() -> StepCall.listArgument(StepCatalog.ARG_CHROOTS, withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'chroots' must be a list of strings, but element 2 of 2 is null");
        assertThatThrownBy(() -> StepCall.textArgument(StepCatalog.ARG_TARGET, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'target' must be a string, not null");
        assertThatThrownBy(() -> new StepCall(StepCatalog.GROUP, null, List.of(), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'nodes' must be a list of strings, not null");
        assertThat(StepCall.listArgument(StepCatalog.ARG_NEEDS, withNull.subList(0, 1)))
                .containsExactly("srpm:A:build1");
    }
}
