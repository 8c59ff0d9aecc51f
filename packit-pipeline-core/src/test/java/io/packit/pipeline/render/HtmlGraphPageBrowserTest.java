package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.MonorepoGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML page in a real headless Chromium at 1400 × 1000 (skipped only when none is installed; CI installs
 * Debian's): fit on open with every node and every label inside the window, the trigger selector, zoom, the packages
 * overview and folding of a 500-node plan, and values from the config that stay text in the DOM. With
 * {@code -Dgraph.screenshots=DIR} it leaves a screenshot of every drawing it checks there.
 */
class HtmlGraphPageBrowserTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;
    /** Every visible node or package box of the drawing on screen: its id, box and texts in window pixels. */
    private static final String MEASURE = """
            (function () {
              var svg = document.querySelector('#canvas svg.plan:not([hidden])');
              var canvas = document.getElementById('canvas').getBoundingClientRect();
              function rect(r) { return [r.left, r.top, r.right, r.bottom]; }
              var boxes = Array.prototype.map.call(svg.querySelectorAll('.node, .package'), function (n) {
                var texts = Array.prototype.map.call(n.querySelectorAll('text'), function (t) {
                  return rect(t.getBoundingClientRect()).concat([parseFloat(getComputedStyle(t).fontSize)]);
                });
                return { id: n.getAttribute('data-id') || n.getAttribute('data-group'),
                         shown: getComputedStyle(n).display !== 'none',
                         box: rect(n.querySelector('rect').getBoundingClientRect()), texts: texts };
              });
              return { id: svg.id, level: svg.getAttribute('data-level'), scale: +svg.getAttribute('data-scale'),
                       canvas: rect(canvas), window: [innerWidth, innerHeight], boxes: boxes,
                       covers: svg.querySelectorAll('.cover.shown').length };
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
    @ValueSource(strings = {"single-package", "build-identifier", "monorepo-depends"})
    void shouldFitEveryNodeOfEveryTriggerInTheWindow(String example) throws Exception {
        requireChromium();
        var plan = HtmlGraphPageTest.example(example);
        open(new HtmlGraphPage().render(plan), example);

        var enabled = chromium.evaluate("Array.prototype.map.call(document.querySelectorAll('[data-show]:not([disabled])'),"
                + " function (b) { return b.getAttribute('data-show'); })");
        assertThat(enabled).isNotEmpty();
        for (var view : enabled) {
            var key = view.asText();
            chromium.clickOn("[data-show=\"" + key + "\"]");
            var shown = chromium.evaluate(MEASURE);
            var expected = plan.nodes().stream()
                    .filter(node -> key.equals("all") || node.condition().trigger().key().equals(key)).toList();

            assertThat(shown.get("id").asText()).isEqualTo("view-" + key + "-jobs");
            assertThat(ids(shown)).containsExactlyElementsOf(HtmlGraphPageTest.ids(expected));
            assertInside(shown);
            assertThat(shown.get("scale").asDouble()).as("%s %s fit scale", example, key).isGreaterThanOrEqualTo(0.5);
            assertThat(chromium.evaluate("document.querySelector('[data-show=\"" + key + "\"]').getAttribute('aria-pressed')")
                    .asText()).isEqualTo("true");
            assertThat(chromium.evaluate("Array.prototype.filter.call(document.querySelectorAll('#nodes tr[data-trigger]'),"
                    + " function (r) { return !r.hidden; }).length").asInt()).isEqualTo(expected.size());
            keep(example + "-" + key);
        }
    }

    @Test
    void shouldZoomAroundTheMouseAndFitAgain() throws Exception {
        requireChromium();
        open(new HtmlGraphPage().render(HtmlGraphPageTest.example("monorepo-depends")), "zoom");
        double fit = chromium.evaluate(MEASURE).get("scale").asDouble();

        chromium.wheel(700, 500, -300);
        double zoomed = chromium.evaluate(MEASURE).get("scale").asDouble();
        chromium.clickOn("[data-zoom=\"fit\"]");

        assertThat(zoomed).isGreaterThan(fit * 1.1);
        assertThat(chromium.evaluate(MEASURE).get("scale").asDouble()).isEqualTo(fit);
    }

    @Test
    void shouldOpenA500NodePlanOnItsPackagesAndUnfoldOneOnClick() throws Exception {
        requireChromium();
        var config = MonorepoGenerator.benchmark(72, 2, 42);
        var plan = new JobGraphPlanner().plan(config, new Event.PullRequest("main", 1, List.of(), List.of()));
        assertThat(plan.nodes()).hasSizeBetween(500, 520);
        open(new HtmlGraphPage().render(plan), "500-nodes");

        var overview = chromium.evaluate(MEASURE);
        assertThat(overview.get("id").asText()).isEqualTo("view-pull_request-packages");
        assertThat(overview.get("boxes")).hasSize(72);
        assertInside(overview);
        keep("500-nodes-packages");

        var first = overview.get("boxes").get(0);
        var box = first.get("box");
        chromium.click((box.get(0).asDouble() + box.get(2).asDouble()) / 2, (box.get(1).asDouble() + box.get(3).asDouble()) / 2);
        var jobs = chromium.evaluate(MEASURE);
        var name = chromium.evaluate("document.querySelector('#view-pull_request-jobs .group[data-group=\""
                + first.get("id").asText() + "\"] .group-label').textContent").asText();
        var members = new ArrayList<JsonNode>();
        jobs.get("boxes").forEach(node -> {
            if (node.get("id").asText().contains(":" + name + ":")) {
                members.add(node);
            }
        });
        assertThat(jobs.get("id").asText()).isEqualTo("view-pull_request-jobs");
        assertThat(members).hasSize((int) plan.nodes().stream().filter(node -> node.id().packageName().equals(name)).count());
        for (var member : members) {
            assertInside(member, jobs);
            for (var text : member.get("texts")) {
                assertThat(text.get(4).asDouble() * jobs.get("scale").asDouble()).as("on-screen font size").isGreaterThanOrEqualTo(11);
            }
        }
        keep("500-nodes-package");

        chromium.clickOn("#view-pull_request-jobs .group[data-group=\"" + first.get("id").asText() + "\"] .group-label");
        var folded = chromium.evaluate(MEASURE);
        assertThat(folded.get("covers").asInt()).isEqualTo(1);
        folded.get("boxes").forEach(node -> {
            if (node.get("id").asText().contains(":" + name + ":")) {
                assertThat(node.get("shown").asBoolean()).isFalse();
            }
        });
        chromium.clickOn("[data-level=\"packages\"]");
        assertThat(chromium.evaluate(MEASURE).get("id").asText()).isEqualTo("view-pull_request-packages");
    }

    @Test
    void shouldKeepHostileValuesTextInTheDom() throws Exception {
        requireChromium();
        for (var value : HtmlGraphPageTest.HOSTILE) {
            open(new HtmlGraphPage().render(HtmlGraphPageTest.hostile(value)), "hostile");

            assertThat(chromium.evaluate("document.scripts.length").asInt()).isEqualTo(1);
            assertThat(chromium.evaluate("document.querySelectorAll('img, b, [onerror], [onmouseover]').length").asInt()).isZero();
            assertThat(chromium.evaluate("document.querySelector('h1').textContent").asText()).startsWith(value + " — ");
            assertThat(chromium.evaluate("document.body.textContent.indexOf(" + HeadlessChromium.quote(value) + ") >= 0")
                    .asBoolean()).isTrue();
        }
    }

    @Test
    void shouldDrawTheCriticalPathBuildsAndSkippedNodesInTheirColours() throws Exception {
        requireChromium();
        open(new HtmlGraphPage().render(PicturePlans.monorepoPullRequest()), "colours");
        var screenshot = dir.resolve("colours.png");
        chromium.screenshot(screenshot);

        var image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(HeadlessChromium.countPixels(image, 0xd62728)).as("red critical-path pixels").isGreaterThan(200);
        assertThat(HeadlessChromium.countPixels(image, 0xe6f0fa)).as("copr_build fill pixels").isGreaterThan(2000);
        assertThat(HeadlessChromium.countPixels(image, 0xeeeeee)).as("skipped node fill pixels").isGreaterThan(2000);
        assertInside(chromium.evaluate(MEASURE));
    }

    private static void requireChromium() {
        assumeThat(chromium).as("a chromium binary (PACKIT_CHROMIUM or chromium on PATH)").isNotNull();
    }

    private void open(String html, String name) throws Exception {
        var file = dir.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        chromium.open(file);
    }

    private static List<String> ids(JsonNode shown) {
        var ids = new ArrayList<String>();
        shown.get("boxes").forEach(box -> ids.add(box.get("id").asText()));
        return ids;
    }

    private static void assertInside(JsonNode shown) {
        shown.get("boxes").forEach(box -> assertInside(box, shown));
    }

    /** The box is inside the window and the drawing's canvas, and each of its texts inside the box. */
    private static void assertInside(JsonNode box, JsonNode shown) {
        var r = box.get("box");
        var canvas = shown.get("canvas");
        assertThat(r.get(0).asDouble()).as("%s left", box.get("id")).isGreaterThanOrEqualTo(Math.max(0, canvas.get(0).asDouble()));
        assertThat(r.get(1).asDouble()).as("%s top", box.get("id")).isGreaterThanOrEqualTo(Math.max(0, canvas.get(1).asDouble()));
        assertThat(r.get(2).asDouble()).as("%s right", box.get("id")).isLessThanOrEqualTo(Math.min(WIDTH, canvas.get(2).asDouble()));
        assertThat(r.get(3).asDouble()).as("%s bottom", box.get("id")).isLessThanOrEqualTo(Math.min(HEIGHT, canvas.get(3).asDouble()));
        for (var text : box.get("texts")) {
            assertThat(text.get(0).asDouble()).as("%s text left", box.get("id")).isGreaterThanOrEqualTo(r.get(0).asDouble() - 0.5);
            assertThat(text.get(2).asDouble()).as("%s text right", box.get("id")).isLessThanOrEqualTo(r.get(2).asDouble() + 0.5);
            assertThat(text.get(1).asDouble()).as("%s text top", box.get("id")).isGreaterThanOrEqualTo(r.get(1).asDouble() - 0.5);
            assertThat(text.get(3).asDouble()).as("%s text bottom", box.get("id")).isLessThanOrEqualTo(r.get(3).asDouble() + 0.5);
        }
    }

    private static void keep(String name) throws Exception {
        var keep = System.getProperty("graph.screenshots", "");
        if (!keep.isEmpty()) {
            Files.createDirectories(Path.of(keep));
            chromium.screenshot(Path.of(keep, name + ".png"));
        }
    }
}
