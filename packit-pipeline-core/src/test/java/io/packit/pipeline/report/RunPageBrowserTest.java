package io.packit.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.packit.pipeline.engine.ChrootOutcome;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.VirtualClock;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.MonorepoGenerator;
import io.packit.pipeline.render.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The run page in a real headless Chromium at 1400 × 1000 (skipped only when none is installed): mid-run and at the
 * end, every node drawn in its state and listed with its links (DOM), the states' colours on screen (pixels), under
 * its own content security policy with nothing fetched; the view kept across a reload; hostile values as text; a
 * 500-node run opening on its packages. With {@code -Dgraph.screenshots=DIR} it leaves its screenshots there.
 */
class RunPageBrowserTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;
    /** The fill of a node box in each state (the page's CSS). */
    private static final Map<String, Integer> FILLS = Map.of("running", 0xffe7b0, "succeeded", 0xd6f0db,
            "failed", 0xf9d3d3, "skipped", 0xeeeeee, "reused", 0xd5eef6, "cancelled", 0xe4def0);
    /** Every node box of the jobs drawing: id, classes, status line, box in window pixels. */
    private static final String NODES = """
            (function () {
              return Array.prototype.map.call(document.querySelectorAll('#view-run-jobs .node'), function (n) {
                var r = n.querySelector('rect').getBoundingClientRect();
                return { id: n.getAttribute('data-id'), css: n.getAttribute('class'),
                         status: n.querySelector('text.status').textContent, box: [r.left, r.top, r.right, r.bottom] };
              });
            })()""";

    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.startIfInstalled(WIDTH, HEIGHT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mid-run", "finished"})
    void shouldDrawEveryNodeInItsStateWithItsLinksAndColours(String moment) throws Exception {
        requireChromium();
        var run = moment.equals("mid-run") ? RunScenario.midRun() : RunScenario.finished();
        open(RunPageTest.render(run), moment);

        var nodes = chromium.evaluate(NODES);
        var statuses = run.state.statuses();
        assertThat(nodes).hasSize(statuses.size());
        var states = new ArrayList<String>();
        for (int i = 0; i < statuses.size(); i++) {
            var status = statuses.get(i);
            var node = nodes.get(i);
            var state = status.state().key();
            states.add(state);
            assertThat(node.get("id").asText()).isEqualTo(status.id().toString());
            assertThat(node.get("css").asText().split(" ")).as(status.id().toString()).contains("st-" + state);
            assertThat(node.get("status").asText()).startsWith(state);
            var box = node.get("box");
            assertThat(box.get(0).asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(box.get(2).asDouble()).isLessThanOrEqualTo(WIDTH);
            assertThat(box.get(3).asDouble()).isLessThanOrEqualTo(HEIGHT);
            assertThat(chromium.evaluate("document.querySelector('#nodes tr[data-id=" + HeadlessChromium.quote(status.id().toString())
                    + "]').getAttribute('data-state')").asText()).isEqualTo(state);
        }
        var expectedLinks = new ArrayList<String>();
        statuses.forEach(status -> status.links().values().forEach(expectedLinks::add));
        var links = chromium.evaluate("Array.prototype.map.call(document.querySelectorAll('#nodes a[data-link]'),"
                + " function (a) { return a.href; })");
        var shown = new ArrayList<String>();
        links.forEach(link -> shown.add(link.asText()));
        assertThat(shown).containsExactlyElementsOf(expectedLinks);
        assertThat(chromium.evaluate("performance.getEntriesByType('resource').length").asInt()).as("fetched").isZero();
        assertThat(chromium.evaluate("document.body.getAttribute('data-run')").asText())
                .isEqualTo(moment.equals("mid-run") ? "running" : "finished");

        var image = screenshot(moment);
        for (var state : FILLS.keySet()) {
            long boxes = states.stream().filter(state::equals).count();
            // the legend's swatch of each state has its fill too (about 100 pixels)
            assertThat(HeadlessChromium.countPixels(image, FILLS.get(state))).as("%s fill pixels", state)
                    .isGreaterThan(boxes == 0 ? -1 : 1500 * boxes).isLessThanOrEqualTo(boxes == 0 ? 200 : Integer.MAX_VALUE);
        }
        assertThat(HeadlessChromium.countPixels(image, 0xd62728)).as("red critical-path pixels").isGreaterThan(200);
    }

    @Test
    void shouldKeepTheZoomAcrossTheReloadsOfARunningPage() throws Exception {
        requireChromium();
        var file = open(RunPageTest.render(RunScenario.midRun()), "reload");
        chromium.wheel(700, 500, -300);
        chromium.wheel(700, 500, -300);
        double zoomed = chromium.evaluate("+document.querySelector('#view-run-jobs').getAttribute('data-scale')").asDouble();

        chromium.open(file);

        assertThat(chromium.evaluate("+document.querySelector('#view-run-jobs').getAttribute('data-scale')").asDouble())
                .isEqualTo(zoomed);
        chromium.evaluate("sessionStorage.clear()");
    }

    @Test
    void shouldKeepHostileValuesTextInTheDom() throws Exception {
        requireChromium();
        for (var value : RunPageTest.HOSTILE) {
            var plan = RunScenario.plan();
            var state = new RunState(plan, new VirtualClock(), false);
            var build = RunScenario.id("copr_build:common:pull_request");
            state.markRunning(build);
            state.reportChroot(build, RunScenario.F41, new ChrootOutcome(NodeState.FAILED, value, value));
            state.addLink(build, value, value);
            state.finish(build, NodeState.FAILED, value);
            open(RunPage.of(plan).render(state, Duration.ZERO), "hostile");

            assertThat(chromium.evaluate("document.scripts.length").asInt()).isEqualTo(1);
            assertThat(chromium.evaluate("document.querySelectorAll('img, b, [onerror], [onmouseover]').length").asInt()).isZero();
            assertThat(chromium.evaluate("document.querySelector('#nodes tr[data-state=\"failed\"] .reason').textContent").asText())
                    .isEqualTo(value);
        }
    }

    @Test
    void shouldOpenA500NodeRunOnItsPackagesColouredByState() throws Exception {
        requireChromium();
        var config = MonorepoGenerator.benchmark(72, 2, 42);
        var plan = new JobGraphPlanner().plan(config, new Event.PullRequest("main", 1, List.of(), List.of()));
        assertThat(plan.nodes()).hasSizeBetween(500, 520);
        var state = new RunState(plan, new VirtualClock(), false);
        var first = plan.nodes().get(0).id();
        state.markRunning(first);
        state.finish(first, NodeState.FAILED, "failed on purpose");
        open(RunPage.of(plan).render(state, Duration.ofSeconds(5)), "500-nodes");

        assertThat(chromium.evaluate("document.querySelector('.canvas svg.plan:not([hidden])').id").asText())
                .isEqualTo("view-run-packages");
        assertThat(chromium.evaluate("document.querySelectorAll('#view-run-packages .package').length").asInt()).isEqualTo(72);
        assertThat(chromium.evaluate("document.querySelectorAll('#view-run-packages .package.st-failed').length").asInt()).isEqualTo(1);
        assertThat(chromium.evaluate("document.querySelectorAll('#view-run-packages .package.st-waiting').length").asInt()).isEqualTo(71);
        assertThat(chromium.evaluate("document.querySelectorAll('#nodes tr[data-node]').length").asInt()).isEqualTo(plan.nodes().size());
        chromium.evaluate("sessionStorage.clear()");
    }

    private static void requireChromium() {
        assumeThat(chromium).as("a chromium binary (PACKIT_CHROMIUM or chromium on PATH)").isNotNull();
    }

    private Path open(String html, String name) throws Exception {
        var file = dir.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        chromium.open(file);
        return file;
    }

    private BufferedImage screenshot(String name) throws Exception {
        var file = dir.resolve(name + ".png");
        chromium.screenshot(file);
        var keep = System.getProperty("graph.screenshots");
        if (keep != null && !keep.isBlank()) {
            Files.createDirectories(Path.of(keep));
            Files.copy(file, Path.of(keep).resolve("run-page-" + name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return ImageIO.read(file.toFile());
    }
}
