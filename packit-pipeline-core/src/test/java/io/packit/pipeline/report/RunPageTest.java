package io.packit.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.StateFile;
import io.packit.pipeline.engine.VirtualClock;
import io.packit.pipeline.golden.GoldenFile;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.render.PlanDrawing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunPageTest {
    static final Duration REFRESH = Duration.ofSeconds(5);

    static Path golden(String name) {
        return Path.of(System.getProperty("project.root", "..")).resolve("packit-pipeline-core/src/test/resources/golden/run-page")
                .resolve(name + ".html");
    }

    static String render(RunScenario run) {
        return RunPage.of(run.plan).render(run.state, REFRESH);
    }

    @Test
    void shouldMatchTheGoldenPagesMidRunAndAtTheEnd() throws IOException {
        GoldenFile.assertMatches(golden("mid-run"), render(RunScenario.midRun()));
        GoldenFile.assertMatches(golden("finished"), render(RunScenario.finished()));
    }

    @Test
    void shouldGiveTheSameBytesForTheSameStateAndTime() {
        var run = RunScenario.finished();
        var page = RunPage.of(run.plan);
        var statuses = run.state.statuses();

        var first = page.render(statuses, run.clock.now(), REFRESH);
        var again = RunPage.of(RunScenario.plan()).render(StateFile.fromJson(StateFile.of(run.state, "pr").toJson(), "saved")
                .nodes(), run.clock.now(), REFRESH);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldShowEveryNodeWithItsStateStartAndDuration() {
        var run = RunScenario.midRun();
        var html = render(run);

        for (var status : run.state.statuses()) {
            assertThat(rowOf(html, status.id())).as("row of %s", status.id())
                    .contains("data-state=\"" + status.state().key() + "\"");
        }
        assertThat(rowOf(html, RunScenario.id("srpm:common:pull_request")))
                .contains("<td>2026-01-01 00:00:00Z</td><td>3m00s</td>");
        assertThat(rowOf(html, RunScenario.id("tests:common:pull_request@fedora-41-x86_64")))
                .as("a running node runs until the page's time").contains("<td>2026-01-01 00:12:00Z</td><td>13m00s</td>");
        assertThat(boxOf(html, RunScenario.id("copr_build:app:pull_request")))
                .contains("class=\"node build critical st-running", ">running · 7m00s</text>",
                        "class=\"chroot ch-running\">fedora-41-x86_64<", "class=\"chroot ch-skipped\">fedora-42-x86_64<");
        assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"5\">", "data-run=\"running\"",
                "<span class=\"badge st-running\">running</span> 12 nodes: ", "as of <time>2026-01-01 00:25:00Z</time>");
        assertThat(html).contains("<span class=\"count st-waiting\">1 waiting</span>, <span class=\"count st-running\">3 running</span>, "
                + "<span class=\"count st-succeeded\">2 succeeded</span>, <span class=\"count st-reused\">2 reused</span>, "
                + "<span class=\"count st-failed\">1 failed</span>, <span class=\"count st-skipped\">3 skipped</span>");
    }

    @Test
    void shouldNameTheRootCauseOfEverySkipAndLinkTheCoprBuildsAndTestingFarm() {
        var run = RunScenario.finished();
        var html = render(run);

        assertThat(rowOf(html, RunScenario.id("tests:lib:pull_request@fedora-42-x86_64")))
                .contains("skipped: copr_build:common:pull_request failed on fedora-42-x86_64");
        assertThat(rowOf(html, RunScenario.id("copr_build:lib:pull_request")))
                .contains("data-state=\"reused\"", "reuses Copr build 7990 of commit 1a2b3c4d in packit/monorepo-depends-7")
                .contains("fedora-42-x86_64: skipped (copr_build:common:pull_request failed on fedora-42-x86_64)")
                .contains("fedora-41-x86_64: reused (Copr build 7990 of commit 1a2b3c4d in packit/monorepo-depends-7)")
                .contains("<a href=\"" + RunScenario.COPR + "7990/\" data-link=\"copr\">Copr build</a>");
        assertThat(rowOf(html, RunScenario.id("copr_build:app:pull_request")))
                .contains("<a href=\"" + RunScenario.COPR + "8003/\" data-link=\"copr\">Copr build</a>", "copr_build_id 8003");
        assertThat(rowOf(html, RunScenario.id("copr_build:common:pull_request")))
                .contains("fedora-41-x86_64: succeeded <a href=\"https://download.copr.fedorainfracloud.org/results/"
                        + "packit/monorepo-depends-7/fedora-41-x86_64/08001/\">results</a>");
        assertThat(rowOf(html, RunScenario.id("tests:lib:pull_request@fedora-41-x86_64")))
                .contains("<a href=\"" + RunScenario.ARTIFACTS + "5d2e7c10-8a4b-4f6e-b1c9-0e3d2a7f6b02\" data-link=\"testing_farm\">",
                        "failed (2 of 14 tests failed)", "tf_request_id 5d2e7c10");
        assertThat(html).doesNotContain("http-equiv=\"refresh\"").contains("data-run=\"finished\"", "data-outcome=\"cancelled\"");
        assertThat(html).contains("id=\"slowest\">Slowest chain of this run (measured 36m00s): srpm:common:pull_request → "
                + "copr_build:common:pull_request → srpm:app:pull_request → copr_build:app:pull_request"
                + " → tests:app:pull_request@fedora-41-x86_64</p>");
        assertThat(html).contains("id=\"critical\">Critical path of the plan (estimated");
    }

    @Test
    void shouldSumUpEachPackage() {
        var html = render(RunScenario.finished());

        assertThat(rowOfPackage(html, "common")).contains("class=\"st-failed\"", "<td class=\"state\">failed</td><td>4</td>");
        assertThat(rowOfPackage(html, "app")).contains("class=\"st-cancelled\"");
        assertThat(rowOfPackage(html, "lib")).contains("class=\"st-failed\"", "<td>2</td>");
        assertThat(html).contains("data-group=\"p0\" transform").containsPattern(
                "<g class=\"package[^\"]* st-failed\" data-group=\"p\\d\"[^>]*><title>package common");
    }

    @Test
    void shouldLoadNothingFromTheNetworkAndLinkOnlyHttpPages() {
        var run = RunScenario.finished();
        var tests = RunScenario.id("tests:app:pull_request@fedora-41-x86_64");
        run.state.addLink(tests, "log", "javascript:alert(1)");
        run.state.addLink(tests, "testing_farm", "https://user:hunter2@artifacts.example/x?token=s3cr3t&run=1");

        var html = render(run);

        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)\\s*=")
                .doesNotContainPattern("(?i)url\\((?!#)").doesNotContain("@import");
        assertThat(rowOf(html, tests)).contains("<span data-link=\"log\">log: javascript:alert(1)</span>")
                .contains("href=\"https://artifacts.example/x?run=1&amp;token=REDACTED\"")
                .doesNotContain("hunter2", "s3cr3t", "href=\"javascript");
    }

    @Test
    void shouldKeepHostileValuesText() {
        for (var value : HOSTILE) {
            var plan = RunScenario.plan();
            var state = new RunState(plan, new VirtualClock(), false);
            var build = RunScenario.id("copr_build:common:pull_request");
            state.markRunning(build);
            state.reportChroot(build, RunScenario.F41, new io.packit.pipeline.engine.ChrootOutcome(NodeState.FAILED, value,
                    "https://x.example/" + value));
            state.addLink(build, "copr", value);
            state.addLink(build, value, "https://x.example/?q=" + value);
            state.recordRemote(build, "copr_build_id", value);
            state.finish(build, NodeState.FAILED, value);

            var html = RunPage.of(plan).render(state, REFRESH);

            assertThat(html).as("raw %s", value).doesNotContain(value);
            assertThat(html).contains(PlanDrawing.escape(value));
            assertThat(html).containsOnlyOnce("<script").doesNotContain("<img", "<b>", "<!-- x", "<![CDATA[");
        }
    }

    @Test
    void shouldShowNodesTheStatusesLackAsWaitingAndIgnoreOthers() {
        var plan = RunScenario.plan();
        var stranger = NodeStatus.waiting(NodeId.parse("srpm:stranger:pull_request"));

        var html = RunPage.of(plan).render(List.of(stranger), VirtualClock.ORIGIN, Duration.ZERO);

        assertThat(html).doesNotContain("stranger").contains("<span class=\"count st-waiting\">12 waiting</span>")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void shouldReserveTheSameBoxesWhateverTheState() {
        var mid = render(RunScenario.midRun());
        var end = render(RunScenario.finished());

        assertThat(transforms(mid)).isEqualTo(transforms(end)).hasSize(12 + 3);
    }

    /** The values the graph page's hostile-value test uses. */
    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "' onmouseover='alert(1)", "a & b &amp; c", "</svg></text><b>bold</b>", "<!-- x", "]]><![CDATA[");

    static String rowOf(String html, NodeId id) {
        var start = html.indexOf("<tr data-node=\"", html.indexOf("<table id=\"nodes\">"));
        var marker = "data-id=\"" + PlanDrawing.escape(id.toString()) + "\"";
        int at = html.indexOf(marker, start);
        assertThat(at).as("a row for %s", id).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    static String rowOfPackage(String html, String name) {
        int at = html.indexOf("<tr data-package=\"" + name + "\"");
        assertThat(at).as("a row for package %s", name).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    static String boxOf(String html, NodeId id) {
        int at = html.indexOf("data-id=\"" + PlanDrawing.escape(id.toString()) + "\" transform");
        assertThat(at).as("a box for %s", id).isPositive();
        return html.substring(html.lastIndexOf("<g class=\"node", at), html.indexOf("</g>", at));
    }

    private static Map<String, String> transforms(String html) {
        var found = new java.util.LinkedHashMap<String, String>();
        var matcher = Pattern.compile("data-(?:id|group)=\"([^\"]+)\" transform=\"([^\"]+)\"").matcher(html);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }
}
