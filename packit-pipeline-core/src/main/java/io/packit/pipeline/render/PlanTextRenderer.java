package io.packit.pipeline.render;

import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.Reuse;

/**
 * A plan as text for people: a header, every node in topological order with what it needs, when it runs (for
 * all-triggers plans) or why it is skipped, which existing Copr builds a build may reuse, then the critical path.
 * Deterministic.
 */
public final class PlanTextRenderer {
    /** Renders {@code plan}. */
    public String render(Plan plan) {
        var picture = PlanPicture.of(plan);
        var out = new StringBuilder();
        long running = plan.nodes().stream().filter(node -> node.runs()).count();
        out.append(picture.title()).append('\n');
        out.append(plan.nodes().size()).append(plan.nodes().size() == 1 ? " node (" : " nodes (").append(running).append(" run, ")
                .append(plan.nodes().size() - running).append(" skipped), ").append(plan.edges().size())
                .append(plan.edges().size() == 1 ? " edge" : " edges").append(", critical path ").append(picture.critical()).append("\n\n");
        int width = String.valueOf(plan.nodes().size()).length();
        boolean all = plan.event() instanceof Event.AllTriggers;
        int number = 1;
        for (var node : plan.nodes()) {
            var indent = " ".repeat(width + 4);
            out.append("  ").append(String.format("%" + width + "d", number++)).append("  ").append(node.id());
            if (node.implicit()) {
                out.append("  (implicit build)");
            }
            if (!node.testTarget().isEmpty() && !node.testTarget().equals(node.id().chroot())) {
                out.append("  (Testing Farm ").append(node.testTarget()).append(')');
            }
            out.append('\n');
            if (node.chrootsAtRunTime()) {
                out.append(indent).append("builds in ").append(PlanPicture.PROJECT_CHROOTS).append('\n');
            }
            var needs = plan.needsOf(node.id()).stream().map(Edge::need).toList();
            if (!needs.isEmpty()) {
                out.append(indent).append("needs ").append(String.join(", ", needs)).append('\n');
            }
            if (node.kind() == NodeKind.SIDE_TAG) {
                out.append(indent).append("side tag for ").append(String.join(", ", plan.releaseGroupOf(node.id())))
                        .append(" (Koji builds in depends order)\n");
            } else if (node.kind() == NodeKind.BODHI_UPDATE && Plan.isSideTagRelease(node.id())) {
                out.append(indent).append("one update of ").append(String.join(", ", plan.releaseGroupOf(node.id())))
                        .append(" from the side tag of ").append(plan.sideTagOf(node.id()).map(Object::toString).orElse("?"))
                        .append('\n');
            }
            if (all) {
                out.append(indent).append("when ").append(PlanPicture.conditionText(node.condition())).append('\n');
            }
            if (!node.runs()) {
                out.append(indent).append("skipped: ").append(node.skipReason()).append('\n');
            } else if (node.reuse() != Reuse.NONE) {
                out.append(indent).append(node.reuse().describe(plan.event())).append('\n');
            }
        }
        if (!plan.dependencyRepos().isEmpty()) {
            out.append("\ndependency repositories:\n");
        }
        for (var repo : plan.dependencyRepos()) {
            out.append("  ").append(repo.build()).append(" sees ").append(repo.dependency()).append(": ")
                    .append(repo.access().key()).append(repo.repo().isEmpty() ? "" : " " + repo.repo()).append('\n');
        }
        out.append("\ncritical path (").append(picture.critical()).append("):");
        if (plan.criticalPath().nodes().isEmpty()) {
            out.append(" none, nothing runs\n");
        } else {
            out.append("\n  ").append(String.join(" -> ",
                    plan.criticalPath().nodes().stream().map(Object::toString).toList())).append('\n');
        }
        return out.toString();
    }
}
