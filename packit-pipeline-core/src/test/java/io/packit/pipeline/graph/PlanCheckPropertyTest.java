package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * What {@link PlanCheck} finds is what every plan of the file finds: for generated files whose planning may find
 * problems, each plan, for any event of a trigger the file uses (other branches, tags, labels, changed paths) and any
 * options, reports only problems PlanCheck reports too, at the same position with the same severity; and when
 * PlanCheck finds no error, every one of those plans succeeds.
 */
class PlanCheckPropertyTest {
    private static final List<String> BRANCHES = List.of("main", "stable", "rel-2", "feature");

    @Property(tries = 600)
    void shouldReportEveryProblemOfEveryPlanAndPassOnlyFilesThatPlan(@ForAll long seed) {
        var yaml = PlanProblemYaml.random(seed);
        var loaded = new PackitConfigLoader().load("packit.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        Statistics.label("loads").collect(loaded.isValid());
        Assume.that(loaded.isValid());
        var config = loaded.configOrThrow();
        var checked = PlanCheck.problems(config, PlanOptions.DEFAULTS);
        Statistics.label("plan check").collect(checked.hasErrors() ? "errors" : checked.isEmpty() ? "clean" : "warnings");
        var random = new Random(seed);

        for (var event : events(config, random)) {
            var options = new PlanOptions(random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean() ? "prod" : "stg", random.nextBoolean() ? "" : "main", DurationEstimates.DEFAULTS);
            var planner = new JobGraphPlanner(options);
            var diagnostics = new Diagnostics();
            planner.plan(config, event, diagnostics);

            assertThat(checked.problems()).as("%s\nplanned for %s", yaml, event).containsAll(diagnostics.problems());
            if (!checked.hasErrors()) {
                assertThatCode(() -> planner.plan(config, event)).as("%s\nplanned for %s", yaml, event)
                        .doesNotThrowAnyException();
            }
        }
        Statistics.label("warned uncovered targets").collect(checked.warnings().stream().map(Problem::message)
                .anyMatch(message -> message.contains("does not build")));
    }

    /** PlanCheck's events and, per trigger the file uses, events with other details. */
    private static List<Event> events(PackitConfig config, Random random) {
        var events = new ArrayList<>(PlanCheck.eventsFor(config));
        var triggers = config.jobs().stream().map(job -> job.trigger()).distinct().toList();
        for (int i = 0; i < 2; i++) {
            var branch = BRANCHES.get(random.nextInt(BRANCHES.size()));
            var changed = random.nextBoolean() ? List.<String>of() : List.of("p" + random.nextInt(3) + "/file.c");
            if (triggers.contains(Trigger.PULL_REQUEST)) {
                events.add(new Event.PullRequest(branch, 1 + random.nextInt(99), changed,
                        random.nextBoolean() ? List.of("ci") : List.of()));
            }
            if (triggers.contains(Trigger.COMMIT)) {
                events.add(new Event.Commit(branch, changed));
            }
            if (triggers.contains(Trigger.RELEASE)) {
                events.add(new Event.Release(random.nextBoolean() ? "v2.0" : "x-1"));
            }
        }
        return events;
    }
}
