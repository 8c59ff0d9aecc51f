package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.NodeId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copr batch placement when some builds submit nothing because every chroot of theirs was reused. */
class BatchOrderTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final NodeId B = NodeId.parse("copr_build:B:build1");
    private static final NodeId C = NodeId.parse("copr_build:C:build1");
    private static final NodeId A = NodeId.parse("copr_build:A:build1");

    private final BatchOrder order = BatchOrder.of(new RunState(new PlanBuilder().build("B", "build1", F41)
            .build("C", "build1", F41).build("A", "build1", F41).depends("A", "B", "build1").depends("A", "C", "build1")
            .plan(), new VirtualClock(), true));
    private final Map<NodeId, BatchOrder.Standing> standing = new HashMap<>();

    private BatchOrder.Placement placementOf(NodeId build) {
        return order.placementOf(build, id -> standing.getOrDefault(id, BatchOrder.Standing.OPEN));
    }

    @Test
    void shouldJoinTheFirstSubmittedBuildOfItsLayerAndFollowTheLayerBelow() {
        standing.put(B, BatchOrder.Standing.SUBMITTED);
        standing.put(C, BatchOrder.Standing.SUBMITTED);

        assertThat(placementOf(B)).isEqualTo(new BatchOrder.Placement.Free());
        assertThat(placementOf(C)).isEqualTo(new BatchOrder.Placement.Anchor(B, true));
        assertThat(placementOf(A)).isEqualTo(new BatchOrder.Placement.Anchor(B, false));
    }

    @Test
    void shouldPassOverReusedBuildsAndWaitWhileOneIsOpen() {
        assertThat(placementOf(C)).isEqualTo(new BatchOrder.Placement.Wait());
        assertThat(placementOf(A)).isEqualTo(new BatchOrder.Placement.Wait());

        standing.put(B, BatchOrder.Standing.NOTHING_SUBMITTED);
        assertThat(placementOf(C)).isEqualTo(new BatchOrder.Placement.Free());
        standing.put(C, BatchOrder.Standing.SUBMITTED);
        assertThat(placementOf(A)).isEqualTo(new BatchOrder.Placement.Anchor(C, false));

        standing.put(C, BatchOrder.Standing.NOTHING_SUBMITTED);
        assertThat(placementOf(A)).isEqualTo(new BatchOrder.Placement.Free());
    }
}
