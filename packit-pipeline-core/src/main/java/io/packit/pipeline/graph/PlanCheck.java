package io.packit.pipeline.graph;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What planning a config finds wrong, before any event comes: the config is planned for every trigger at once (as
 * it is rendered) and for one event of each trigger its jobs use (as {@code plan} and {@code run} plan it), and every
 * problem of those plans is collected (each once). A config with no error here plans without error for each of those
 * events; {@code validate} reports these problems with the loader's.
 */
public final class PlanCheck {
    /** The branch the pull request and commit events are for. */
    static final String BRANCH = "main";
    /** The tag the release event is for. */
    static final String TAG = "v1.0.0";

    private PlanCheck() {
    }

    /**
     * Every trigger at once, then a pull request into {@code main}, a commit on {@code main} and a release tagged
     * {@code v1.0.0}, each when a job of the config has that trigger.
     */
    public static List<Event> eventsFor(PackitConfig config) {
        Objects.requireNonNull(config, "config");
        var triggers = config.jobs().stream().map(job -> job.trigger()).distinct().toList();
        var events = new ArrayList<Event>();
        events.add(new Event.AllTriggers());
        if (triggers.contains(Trigger.PULL_REQUEST)) {
            events.add(new Event.PullRequest(BRANCH, 1, List.of(), List.of()));
        }
        if (triggers.contains(Trigger.COMMIT)) {
            events.add(new Event.Commit(BRANCH, List.of()));
        }
        if (triggers.contains(Trigger.RELEASE)) {
            events.add(new Event.Release(TAG));
        }
        return List.copyOf(events);
    }

    /** The problems (errors and warnings) planning {@code config} with {@code options} finds for {@link #eventsFor}. */
    public static Diagnostics problems(PackitConfig config, PlanOptions options) {
        var planner = new JobGraphPlanner(Objects.requireNonNull(options, "options"));
        var diagnostics = new Diagnostics();
        for (var event : eventsFor(config)) {
            planner.plan(config, event, diagnostics);
        }
        return diagnostics;
    }
}
