package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.LoadOptions;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.SharedCorpus;
import io.packit.pipeline.golden.GoldenFile;
import io.packit.pipeline.graph.AllPaths;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden Jenkinsfiles: the seed scenarios, real corpus configs (loaded and planned for every trigger) and the
 * worked examples of {@code examples/} (packit.yaml → Jenkinsfile and HTML picture). Run with
 * {@code -Dgolden.update=true} to rewrite them. Every rendered file also passes the declarative rules, compiles
 * under CPS and finishes a simulated run at the plan's critical path.
 */
class JenkinsfileGoldenTest {
    /** Corpus configs with golden Jenkinsfiles (the first ten in name order that plan without errors). */
    private static final int CORPUS_GOLDENS = 10;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("seed-build-identifier", PlanScenarios.seed()),
                Arguments.of("seed-single-package", PlanScenarios.singlePackage()),
                Arguments.of("seed-monorepo", PlanScenarios.monorepo()));
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Path> files;
        try (var list = Files.list(SharedCorpus.directory())) {
            files = list.filter(p -> !p.getFileName().toString().equals("INDEX.tsv")).sorted().toList();
        }
        var picked = new ArrayList<Arguments>();
        for (var file : files) {
            // A display name and repository name independent of where the checkout lives, so goldens are portable.
            var name = file.getFileName().toString();
            var options = LoadOptions.defaults().withRepositoryName(name.split("__")[1]);
            var loaded = new PackitConfigLoader(options).load("corpus/" + name, Files.readAllBytes(file));
            if (!loaded.isValid()) {
                continue;
            }
            try {
                var plan = new JobGraphPlanner().plan(loaded.configOrThrow(), new Event.AllTriggers());
                if (!plan.nodes().isEmpty()) {
                    picked.add(Arguments.of(file.getFileName().toString(), plan));
                }
            } catch (RuntimeException e) {
                continue;
            }
            if (picked.size() == CORPUS_GOLDENS) {
                break;
            }
        }
        return picked.stream();
    }

    static Stream<String> examples() {
        return Stream.of("single-package", "build-identifier", "monorepo-depends");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldMatchGoldenJenkinsfileOfSeedScenario(String name, Plan plan) throws IOException {
        var text = checked(plan);
        GoldenFile.assertMatches(root().resolve("packit-pipeline-core/src/test/resources/golden/jenkinsfile/" + name + ".Jenkinsfile"), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldMatchGoldenJenkinsfileOfCorpusConfig(String name, Plan plan) throws IOException {
        var text = checked(plan);
        GoldenFile.assertMatches(root().resolve("packit-pipeline-core/src/test/resources/golden/jenkinsfile/corpus/" + name + ".Jenkinsfile"), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldKeepWorkedExampleCurrent(String name) throws IOException {
        var directory = root().resolve("examples").resolve(name);
        var content = Files.readAllBytes(directory.resolve("packit.yaml"));
        var config = new PackitConfigLoader().load("packit.yaml", content).configOrThrow();
        var plan = new JobGraphPlanner().plan(config, new Event.AllTriggers());

        GoldenFile.assertMatches(directory.resolve("Jenkinsfile"), checked(plan));
        GoldenFile.assertMatches(directory.resolve("graph.html"), new HtmlGraphPage().render(plan));
    }

    private static String checked(Plan plan) {
        var text = new JenkinsfileRenderer().render(plan);
        assertThat(DeclarativeRules.check(JenkinsfileTree.parse(text))).isEmpty();
        assertThat(CpsCompiler.compile(text)).isPositive();
        var durations = new HashMap<io.packit.pipeline.graph.NodeId, Long>();
        plan.nodes().forEach(node -> durations.put(node.id(), PlanFixtures.ESTIMATES.apply(node.kind()).toSeconds()));
        var run = RenderedRun.of(JenkinsfileTree.parse(text), plan, node -> durations.get(node.id()));
        var reference = AllPaths.longest(plan, node -> PlanFixtures.ESTIMATES.apply(node.kind()).toSeconds());
        assertThat(run.makespan()).isEqualTo(reference);
        return text;
    }

    private static Path root() {
        return Path.of(System.getProperty("project.root", ".."));
    }
}
