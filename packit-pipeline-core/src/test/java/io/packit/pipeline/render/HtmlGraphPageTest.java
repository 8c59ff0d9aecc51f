package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.ConfigFixtures;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.RunCondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page: self-contained, one drawing per trigger, the same bytes for the same plan, every config value text. */
class HtmlGraphPageTest {
    /** Values a pull request controls that would be markup or script if written raw into HTML. */
    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "' onmouseover='alert(1)", "a & b &amp; c", "</svg></text><b>bold</b>", "<!-- x", "]]><![CDATA[");

    private final HtmlGraphPage page = new HtmlGraphPage();

    @Test
    void shouldBeOneSelfContainedFileWithEveryNode() {
        var plan = PicturePlans.monorepoPullRequest();

        var html = page.render(plan);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<style>", "<script>");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)@import|url\\((?!#)");
        assertThat(drawn(html, "pull_request")).containsExactlyElementsOf(ids(plan.nodes()));
        assertThat(html).contains("skipped: manual job not requested");
    }

    @Test
    void shouldDrawEachTriggerOnItsOwnWithASelector() throws IOException {
        var plan = example("monorepo-depends");

        var html = page.render(plan);

        for (var trigger : List.of(Trigger.PULL_REQUEST, Trigger.COMMIT)) {
            var expected = plan.nodes().stream().filter(node -> node.condition().trigger() == trigger).toList();
            assertThat(expected).isNotEmpty();
            assertThat(drawn(html, trigger.key())).containsExactlyElementsOf(ids(expected));
            assertThat(html).contains("data-show=\"" + trigger.key() + "\" aria-pressed=");
        }
        assertThat(drawn(html, "all")).containsExactlyElementsOf(ids(plan.nodes()));
        assertThat(html).contains("<button type=\"button\" data-show=\"release\" disabled");
        assertThat(html).doesNotContain("id=\"view-release-jobs\"");
        assertThat(html).contains("id=\"view-pull_request-packages\"", "id=\"view-all-packages\"");
        assertThat(html).containsOnlyOnce("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plan\" id=\"view-pull_request-jobs\""
                + " data-view=\"pull_request\" data-level=\"jobs\"");
    }

    @Test
    void shouldWriteTheSameBytesForTheSamePlan() throws IOException {
        var plan = example("monorepo-depends");

        assertThat(new HtmlGraphPage().render(example("monorepo-depends"))).isEqualTo(page.render(plan));
    }

    @Test
    void shouldKeepEveryValueFromTheConfigText() {
        for (var value : HOSTILE) {
            var html = page.render(hostile(value));

            assertThat(html).as("raw %s", value).doesNotContain(value);
            assertThat(html).as("escaped %s", value).contains(HtmlGraphPage.escape(value));
            assertThat(html).containsOnlyOnce("<script").doesNotContain("<img", "<b>", "<!-- x", "<![CDATA[");
        }
        var skipped = page.render(hostileSkip(HOSTILE.get(1)));
        assertThat(skipped).contains("skipped: branch &#39;" + HtmlGraphPage.escape(HOSTILE.get(1)) + "&#39; does not match")
                .doesNotContain("<img");
    }

    @Test
    void shouldSaySoWhenThePlanHasNothingToDraw() {
        var html = page.render(PlanFixtures.plan().build());

        assertThat(html).contains("Nothing to draw: the plan has no nodes.", "0 nodes (0 run, 0 skipped)")
                .doesNotContain("class=\"plan\"");
        assertThat(html).contains("data-show=\"pull_request\" disabled", "data-show=\"all\" disabled");
    }

    @Test
    void shouldEscapeTextAndAttributes() {
        assertThat(HtmlGraphPage.escape("<script>\"&'")).isEqualTo("&lt;script&gt;&quot;&amp;&#39;");
    }

    /** A plan whose file name, branch regex, chroot, Testing Farm target and tag filters are {@code value}. */
    static Plan hostile(String value) {
        var plan = PlanFixtures.plan().file(value)
                .when(new RunCondition(Trigger.PULL_REQUEST, value, "", "", false, LabelRequirement.NONE, List.of()));
        var build = plan.build("pkg", "build", List.of("fedora-41-x86_64", value));
        var tests = new NodeId(NodeKind.TESTS, "pkg", "tests", "fedora-41-x86_64");
        plan.add(tests, List.of("fedora-41-x86_64"), value);
        plan.edge(build, tests, io.packit.pipeline.graph.EdgeKind.BUILD_TO_TESTS, "fedora-41-x86_64");
        plan.when(new RunCondition(Trigger.RELEASE, "", value, value, false, LabelRequirement.NONE, List.of()));
        plan.cli(NodeKind.PROPOSE_DOWNSTREAM, "pkg", "propose", List.of());
        return plan.build();
    }

    /** A commit on branch {@code value} that a job's branch regex does not match: the planner's skip reason says both. */
    static Plan hostileSkip(String value) {
        var config = ConfigFixtures.config().pkg("pkg").done()
                .job(CoprBuildJob.KEY, Trigger.COMMIT).identifier("main").branch("main").done().build();
        return new JobGraphPlanner().plan(config, new Event.Commit(value, List.of()));
    }

    static Plan example(String name) throws IOException {
        var file = Path.of(System.getProperty("project.root", "..")).resolve("examples").resolve(name).resolve("packit.yaml");
        var config = new PackitConfigLoader().load("packit.yaml", Files.readAllBytes(file)).configOrThrow();
        return new JobGraphPlanner().plan(config, new Event.AllTriggers());
    }

    static List<String> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).map(Object::toString).toList();
    }

    /** The node ids drawn in the jobs drawing of view {@code view}, in document order. */
    static List<String> drawn(String html, String view) {
        var start = html.indexOf("id=\"view-" + view + "-jobs\"");
        assertThat(start).as("a drawing of %s", view).isPositive();
        var svg = html.substring(start, html.indexOf("</svg>", start));
        var ids = new ArrayList<String>();
        var matcher = Pattern.compile("<g class=\"node[^\"]*\" data-node=\"n\\d+\" data-group=\"p\\d+\" data-id=\"([^\"]+)\"").matcher(svg);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
