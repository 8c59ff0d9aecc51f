package io.packit.pipeline.graph;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import java.util.Objects;

/**
 * Plans a loaded packit.yaml into a job graph for one event (DESIGN §4): SRPM → Copr build → tests per chroot,
 * {@code build_identifier} and {@code depends} edges, release jobs for top-level packages, run conditions,
 * affected packages and the critical path.
 *
 * <p>Deterministic: the same config, event and options give an equal plan with nodes in the same order. Problems
 * (unknown {@code build_identifier} or package, {@code depends} cycles, ambiguous or non-covering builds) carry
 * the position of the key that caused them.
 */
public final class JobGraphPlanner {
    private final PlanOptions options;

    /** A planner with {@link PlanOptions#DEFAULTS}. */
    public JobGraphPlanner() {
        this(PlanOptions.DEFAULTS);
    }

    /** A planner with {@code options}. */
    public JobGraphPlanner(PlanOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options this planner uses. */
    public PlanOptions options() {
        return options;
    }

    /**
     * Plans {@code config} for {@code event}.
     *
     * @throws InvalidInputException with every problem found, when any of them is an error
     */
    public Plan plan(PackitConfig config, Event event) {
        var diagnostics = new Diagnostics();
        var plan = plan(config, event, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new InvalidInputException(diagnostics);
        }
        return plan;
    }

    /**
     * Plans {@code config} for {@code event}, reporting every problem (errors and warnings) into
     * {@code diagnostics}. When errors are reported the plan leaves out what they concern (a broken
     * {@code depends} entry, a tests job without a usable build), so it is never a hang and never a crash.
     */
    public Plan plan(PackitConfig config, Event event, Diagnostics diagnostics) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(diagnostics, "diagnostics");
        return new Planning(config, event, options, diagnostics).run();
    }
}
