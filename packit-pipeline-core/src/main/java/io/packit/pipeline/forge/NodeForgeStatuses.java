package io.packit.pipeline.forge;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.engine.ChrootOutcome;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.TestingFarmExecutor;
import io.packit.pipeline.forge.ForgeStatus.Conclusion;
import io.packit.pipeline.forge.ForgeStatus.Phase;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The forge statuses of a run, made from the engine's state: one per chroot of every Copr build
 * ({@code rpm-build:<chroot>}; the SRPM phase shows on them, as Packit shows it) and one per Testing Farm target
 * ({@code testing-farm:<target>}). Nodes of other kinds (Koji, Bodhi, dist-git) have none.
 *
 * <p>A chroot's status follows the SRPM node while it waits or runs, then the build: the chroot's own outcome once
 * Copr reported it, else the build node's state. A node the plan does not run for the event is neutral with the
 * plan's reason; one skipped because something it needs failed is skipped with the root cause; a reused build
 * (or chroot) is a success whose summary names the build taken.
 */
public final class NodeForgeStatuses {
    private final RunState state;
    private final StatusNames names;
    private final String detailsUrl;

    /**
     * @param state      the run
     * @param names      how statuses are named for the run's plan
     * @param detailsUrl the run's page, every status's link (empty: none)
     */
    public NodeForgeStatuses(RunState state, StatusNames names, String detailsUrl) {
        this.state = Objects.requireNonNull(state, "state");
        this.names = Objects.requireNonNull(names, "names");
        this.detailsUrl = Objects.requireNonNull(detailsUrl, "detailsUrl");
    }

    /**
     * Every status now, in plan order, one per name: only nodes of the event's trigger have statuses (as Packit
     * reports only the jobs an event triggers), and where a node the plan does not run shares its name with one it
     * runs (two jobs for different branches, say), the one that runs is shown.
     */
    public List<ForgeStatus> all() {
        // one snapshot of every node, so that a build and its srpm are seen at the same moment
        var now = new HashMap<NodeId, NodeStatus>();
        state.statuses().forEach(status -> now.put(status.id(), status));
        var trigger = state.plan().event().trigger();
        var byName = new LinkedHashMap<String, ForgeStatus>();
        var running = new HashSet<String>();
        for (var node : state.plan().nodes()) {
            if (trigger.isPresent() && node.condition().trigger() != trigger.get()) {
                continue;
            }
            var statuses = new ArrayList<ForgeStatus>();
            if (node.kind() == NodeKind.COPR_BUILD) {
                addBuild(node, now, statuses);
            } else if (node.kind() == NodeKind.TESTS) {
                statuses.add(tests(node, now.get(node.id())));
            }
            for (var status : statuses) {
                if (!byName.containsKey(status.name()) || node.runs() && running.add(status.name())) {
                    byName.put(status.name(), status);
                }
                if (node.runs()) {
                    running.add(status.name());
                }
            }
        }
        return List.copyOf(byName.values());
    }

    private void addBuild(Node node, Map<NodeId, NodeStatus> now, List<ForgeStatus> out) {
        var build = now.get(node.id());
        var srpm = state.srpmOf(node.id()).map(now::get).orElse(null);
        var chroots = new LinkedHashSet<>(node.chroots());
        if (node.chrootsAtRunTime()) {
            // the chroots are the Copr project's, known once submitted: the build as a whole, then each reported chroot
            out.add(buildChroot(node, "", build, srpm, null));
        }
        chroots.addAll(build.chroots().keySet());
        for (var chroot : chroots) {
            out.add(buildChroot(node, chroot, build, srpm, build.chroots().get(chroot)));
        }
    }

    private ForgeStatus buildChroot(Node node, String chroot, NodeStatus build, @CheckForNull NodeStatus srpm,
            @CheckForNull ChrootOutcome outcome) {
        var name = names.build(node.view(), chroot);
        var where = chroot.isEmpty() ? "" : " on " + chroot;
        var subject = "Copr build of " + node.view().packageName() + where;
        if (outcome != null && outcome.state().isTerminal()) {
            // Copr reports no end time per chroot: the forge dates it when it hears of it
            return ended(name, outcome.state(), "RPM build", subject, outcome.reason(), build.startedAt(), null, node);
        }
        if (build.state().isTerminal()) {
            if (build.state() == NodeState.SKIPPED && srpm != null && srpm.state() == NodeState.FAILED) {
                return completed(name, Conclusion.FAILURE, "SRPM build failed",
                        "The SRPM of " + node.view().packageName() + " failed to build" + reason(srpm.reason()),
                        srpm.startedAt(), srpm.endedAt());
            }
            return ended(name, build.state(), "RPM build", subject, build.reason(), build.startedAt(),
                    build.endedAt(), node);
        }
        if (build.state() == NodeState.RUNNING) {
            return open(name, Phase.IN_PROGRESS, "RPM build running", subject + " is running in Copr",
                    build.startedAt());
        }
        if (srpm != null && srpm.state().isSuccess()) {
            // the srpm node has submitted the build, whose node starts watching it next
            return open(name, Phase.IN_PROGRESS, "RPM build starting", "The SRPM of " + node.view().packageName()
                    + " was built; " + subject + " is starting", srpm.startedAt());
        }
        if (srpm != null && srpm.state() == NodeState.RUNNING) {
            return open(name, Phase.IN_PROGRESS, "SRPM build running",
                    "The SRPM of " + node.view().packageName() + " is being built in Copr", srpm.startedAt());
        }
        if (srpm != null && srpm.state().isTerminal() && !srpm.state().isSuccess()) {
            return ended(name, srpm.state(), "SRPM build", "The SRPM build of " + node.view().packageName(),
                    srpm.reason(), srpm.startedAt(), srpm.endedAt(), node);
        }
        return open(name, Phase.QUEUED, "Waiting", subject + " waits for what it needs", null);
    }

    private ForgeStatus tests(Node node, NodeStatus tests) {
        var name = names.tests(node.view(), node.testTarget());
        var subject = "Tests of " + node.view().packageName() + " on " + node.testTarget();
        return switch (tests.state()) {
            case WAITING -> open(name, Phase.QUEUED, "Waiting for the RPM build",
                    subject + " wait for the Copr build of " + node.chroots().get(0), null);
            case RUNNING -> open(name, Phase.IN_PROGRESS, "Tests running", subject + " are running in Testing Farm"
                    + request(tests), tests.startedAt());
            default -> ended(name, tests.state(), "Tests", subject, tests.reason(), tests.startedAt(), tests.endedAt(),
                    node);
        };
    }

    /** A status for a final state: success, failure, skipped (a need failed), neutral (not run) or cancelled. */
    private ForgeStatus ended(String name, NodeState ended, String what, String subject, String reason,
            @CheckForNull Instant startedAt, @CheckForNull Instant endedAt, Node node) {
        var at = endedAt;
        return switch (ended) {
            case SUCCEEDED -> completed(name, Conclusion.SUCCESS, what + " succeeded", subject + " succeeded"
                    + reason(reason), startedAt, at);
            case REUSED -> completed(name, Conclusion.SUCCESS, what + " reused", subject + " reused"
                    + reason(reason), startedAt, at);
            case FAILED -> completed(name, Conclusion.FAILURE, what + " failed", subject + " failed" + reason(reason),
                    startedAt, at);
            case CANCELLED -> completed(name, Conclusion.CANCELLED, what + " cancelled", subject + " cancelled"
                    + reason(reason), startedAt, at);
            case SKIPPED -> node.runs()
                    ? completed(name, Conclusion.SKIPPED, "Skipped", subject + " did not run: " + orUnknown(reason),
                            startedAt, at)
                    : completed(name, Conclusion.NEUTRAL, "Not run", subject + " not run for this event: "
                            + orUnknown(reason), startedAt, at);
            case WAITING, RUNNING -> throw new IllegalArgumentException("not a final state: " + ended);
        };
    }

    private ForgeStatus open(String name, Phase phase, String title, String summary, @CheckForNull Instant startedAt) {
        return new ForgeStatus(name, phase, Conclusion.NONE, title, summary, detailsUrl, startedAt, null);
    }

    private ForgeStatus completed(String name, Conclusion conclusion, String title, String summary,
            @CheckForNull Instant startedAt, @CheckForNull Instant completedAt) {
        return new ForgeStatus(name, Phase.COMPLETED, conclusion, title, summary, detailsUrl, startedAt, completedAt);
    }

    private static String request(NodeStatus tests) {
        var id = tests.remote().getOrDefault(TestingFarmExecutor.REQUEST_ID, "");
        return id.isEmpty() ? "" : " (request " + id + ")";
    }

    private static String reason(String reason) {
        return reason.isEmpty() ? "" : ": " + reason;
    }

    private static String orUnknown(String reason) {
        return reason.isEmpty() ? "no reason given" : reason;
    }
}
