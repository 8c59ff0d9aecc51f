package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a dependent package's srpm (which submits its Copr build) waits for the whole builds it depends on. */
class DependsReadinessTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F42 = "fedora-42-x86_64";
    private static final String RAWHIDE = "fedora-rawhide-x86_64";
    private static final NodeId SRPM_A = NodeId.parse("srpm:A:build1");
    private static final NodeId BUILD_A = NodeId.parse("copr_build:A:build1");
    private static final NodeId SRPM_B = NodeId.parse("srpm:B:build1");
    private static final NodeId BUILD_B = NodeId.parse("copr_build:B:build1");

    private final VirtualClock clock = new VirtualClock();

    @Test
    void shouldHoldTheSubmissionUntilTheWholeDependencyBuildEnded() {
        var state = new RunState(plan(), clock, false);
        runB(state);
        state.reportChroot(BUILD_B, F41, ChrootOutcome.of(NodeState.SUCCEEDED));
        state.reportChroot(BUILD_B, F42, ChrootOutcome.of(NodeState.SUCCEEDED));

        assertThat(state.readiness(SRPM_A)).isEqualTo(new Readiness.Waiting(List.of("copr_build:B:build1")));

        state.reportChroot(BUILD_B, RAWHIDE, ChrootOutcome.of(NodeState.FAILED));
        state.finish(BUILD_B, NodeState.FAILED, "failed on " + RAWHIDE);

        assertThat(state.readiness(SRPM_A)).as("A does not build rawhide: B's failure there does not matter")
                .isEqualTo(new Readiness.Ready(List.of(F41, F42), Map.of()));
    }

    @Test
    void shouldSubmitOnlyWhereEveryDependencySucceededAndNameTheRootCauseForTheRest() {
        var state = new RunState(plan(), clock, false);
        runB(state);
        state.reportChroot(BUILD_B, F41, ChrootOutcome.of(NodeState.FAILED));
        state.reportChroot(BUILD_B, F42, ChrootOutcome.of(NodeState.SUCCEEDED));
        state.reportChroot(BUILD_B, RAWHIDE, ChrootOutcome.of(NodeState.SUCCEEDED));
        state.finish(BUILD_B, NodeState.FAILED, "failed on " + F41);
        var expected = new Readiness.Ready(List.of(F42), Map.of(F41, "copr_build:B:build1 failed on " + F41));

        assertThat(state.readiness(SRPM_A)).isEqualTo(expected);
        state.markRunning(SRPM_A);
        state.finish(SRPM_A, NodeState.SUCCEEDED, "");
        assertThat(state.readiness(BUILD_A)).as("the build reports the chroot left out").isEqualTo(expected);
    }

    @Test
    void shouldSkipTheDependentWhenNoChrootIsLeft() {
        var state = new RunState(plan(), clock, false);
        runB(state);
        state.reportChroot(BUILD_B, F41, ChrootOutcome.of(NodeState.FAILED));
        state.reportChroot(BUILD_B, F42, ChrootOutcome.of(NodeState.CANCELLED));
        state.reportChroot(BUILD_B, RAWHIDE, ChrootOutcome.of(NodeState.SUCCEEDED));
        state.finish(BUILD_B, NodeState.FAILED, "failed on " + F41);

        assertThat(state.readiness(SRPM_A)).isEqualTo(new Readiness.Blocked("copr_build:B:build1 failed on " + F41));
    }

    @Test
    void shouldLeaveTheWaitToTheBuildWithCoprBatches() {
        var state = new RunState(plan(), clock, true);

        assertThat(state.needsOf(SRPM_A)).isEmpty();
        assertThat(state.readiness(SRPM_A)).isEqualTo(new Readiness.Ready(List.of(F41, F42), Map.of()));
        state.markRunning(SRPM_A);
        state.finish(SRPM_A, NodeState.SUCCEEDED, "");
        assertThat(state.readiness(BUILD_A))
                .isEqualTo(new Readiness.Waiting(List.of("copr_build:B:build1")));
    }

    @Test
    void shouldFindDependencyBuildsThroughTheSrpmTransitively() {
        var plan = new PlanBuilder().build("C", "build1", F41).build("B", "build1", F41).build("A", "build1", F41)
                .depends("B", "C", "build1").depends("A", "B", "build1").plan();

        for (var batches : List.of(false, true)) {
            assertThat(new RunState(plan, clock, batches).dependencyBuildsOf(BUILD_A)).extracting(NodeId::toString)
                    .containsExactly("copr_build:B:build1", "copr_build:C:build1");
        }
    }

    private static Plan plan() {
        return new PlanBuilder().build("B", "build1", F41, F42, RAWHIDE).build("A", "build1", F41, F42)
                .depends("A", "B", "build1").plan();
    }

    private static void runB(RunState state) {
        state.markRunning(SRPM_B);
        state.finish(SRPM_B, NodeState.SUCCEEDED, "");
        state.markRunning(BUILD_B);
    }
}
