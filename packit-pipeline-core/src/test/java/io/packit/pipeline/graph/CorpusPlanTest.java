package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.SharedCorpus;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid config of the shared corpus plans without error for each trigger it uses, and for all at once. */
class CorpusPlanTest {
    static Path corpus() {
        return SharedCorpus.directory();
    }

    static Stream<Path> corpusFiles() throws IOException {
        try (var files = Files.list(corpus())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** The events a config's triggers call for, and all triggers at once. */
    static List<Event> eventsFor(io.packit.pipeline.config.PackitConfig config) {
        var events = new ArrayList<Event>();
        events.add(new Event.AllTriggers());
        var triggers = config.jobs().stream().map(job -> job.trigger()).distinct().toList();
        if (triggers.contains(Trigger.PULL_REQUEST)) {
            events.add(new Event.PullRequest("main", 1, List.of(), List.of()));
        }
        if (triggers.contains(Trigger.COMMIT)) {
            events.add(new Event.Commit("main", List.of()));
        }
        if (triggers.contains(Trigger.RELEASE)) {
            events.add(new Event.Release("v1.0.0"));
        }
        return events;
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void shouldPlanEveryValidCorpusConfigWithoutError(Path file) {
        var loaded = new PackitConfigLoader().load(file);
        if (!loaded.isValid()) {
            // Files real Packit rejects too (INDEX.tsv says INVALID) are the loader's business.
            assertThat(file.getFileName().toString()).contains("__at_");
            return;
        }
        var config = loaded.configOrThrow();
        for (var event : eventsFor(config)) {
            var diagnostics = new Diagnostics();
            var plan = new JobGraphPlanner().plan(config, event, diagnostics);

            assertThat(diagnostics.errors()).as("%s for %s", file.getFileName(), event).isEmpty();
            assertThat(plan.nodes()).as("%s for %s", file.getFileName(), event).isNotEmpty();
        }
    }
}
