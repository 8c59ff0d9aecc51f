package io.packit.pipeline.engine;

import io.packit.pipeline.graph.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The shared engine state of one CI build whose stages each run their own nodes (a Jenkins run): the plan, every
 * node's status, and the steps that move nodes on. Every change of state and every remote id is written to a
 * state file at once, and {@link #open} restores it, so a build resumed after a controller restart polls what it
 * had submitted and never submits it again.
 */
public final class BuildBoard {
    /** The event written to the state file: a build's plan is made for every trigger at once. */
    public static final String EVENT = "all triggers";

    private final RunState state;
    private final NodeSteps steps;

    private BuildBoard(RunState state, NodeSteps steps) {
        this.state = state;
        this.steps = steps;
    }

    /**
     * The board of a build of {@code plan}, restored from {@code stateFile} when it exists and kept in it from now
     * on.
     *
     * @throws IllegalStateException when the state file was written for another config
     */
    public static BuildBoard open(Plan plan, Path stateFile, NodeExecutors executors) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(stateFile, "stateFile");
        var state = new RunState(plan, EngineClock.system(), false);
        if (Files.exists(stateFile)) {
            var saved = StateFile.read(stateFile);
            var digest = plan.config().digest();
            if (!saved.configDigest().equals(digest)) {
                throw new IllegalStateException(stateFile + " was written for config " + saved.configDigest()
                        + ", this build runs " + plan.config().file() + " " + digest);
            }
            state.restore(saved.nodes());
        }
        state.addListener(StateFile.writer(state, EVENT, stateFile));
        return new BuildBoard(state, new NodeSteps(state, executors));
    }

    /** Every node's status. */
    public RunState state() {
        return state;
    }

    /** A driver for one step's nodes on this board. */
    public StepDriver driver(Duration waitPoll) {
        return new StepDriver(steps, waitPoll);
    }

    /**
     * Fails when the Jenkinsfile was rendered from another config than the one this build runs.
     *
     * @param renderedDigest the digest the Jenkinsfile carries ({@code PACKIT_CONFIG_DIGEST}); empty: not checked
     * @throws IllegalStateException when they differ
     */
    public void requireRenderedFrom(String renderedDigest) {
        Objects.requireNonNull(renderedDigest, "renderedDigest");
        var config = state.plan().config();
        if (!renderedDigest.isEmpty() && !renderedDigest.equals(config.digest())) {
            throw new IllegalStateException("the Jenkinsfile is stale: it was rendered from a config with digest "
                    + renderedDigest + ", but " + config.file() + " has digest " + config.digest()
                    + "; render it again with 'packit-pipeline render'");
        }
    }
}
