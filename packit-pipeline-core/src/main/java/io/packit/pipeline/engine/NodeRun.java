package io.packit.pipeline.engine;

import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a {@link NodeExecutor} sees of its node and the run, and how it reports back. */
public final class NodeRun {
    private final RunState state;
    private final Node node;
    private final List<String> chroots;

    NodeRun(RunState state, NodeId id, List<String> chroots) {
        this.state = Objects.requireNonNull(state, "state");
        this.node = state.node(id);
        this.chroots = List.copyOf(chroots);
    }

    /** The node. */
    public Node node() {
        return node;
    }

    /** The node's id. */
    public NodeId id() {
        return node.id();
    }

    /**
     * The chroots to run on: for a build, its chroots minus those where a dependency did not succeed; for an
     * srpm node, the chroots of the build it submits; for tests, the one build chroot.
     */
    public List<String> chroots() {
        return chroots;
    }

    /** The whole run (other nodes' statuses and remote ids). */
    public RunState state() {
        return state;
    }

    /** This node's status now. */
    public NodeStatus status() {
        return state.status(node.id());
    }

    /** A remote id recorded for this node (by an earlier step, or an earlier run). */
    public Optional<String> remote(String key) {
        return Optional.ofNullable(status().remote().get(key));
    }

    /** Records a remote id; it is persisted before this returns. */
    public void recordRemote(String key, String value) {
        state.recordRemote(node.id(), key, value);
    }

    /** Reports one chroot's outcome (tests waiting for it may start at once). */
    public void reportChroot(String chroot, ChrootOutcome outcome) {
        state.reportChroot(node.id(), chroot, outcome);
    }

    /** Attaches a link for people (build page, test artifacts). */
    public void addLink(String key, String url) {
        state.addLink(node.id(), key, url);
    }

    /** Attaches the JUnit XML of a test request. */
    public void attachJunit(String xml) {
        state.attachJunit(node.id(), xml);
    }

    /** The run's current time. */
    public Instant now() {
        return state.clock().now();
    }

    /** How long the node has been running. */
    public Duration elapsed() {
        return status().elapsed(now()).orElse(Duration.ZERO);
    }
}
