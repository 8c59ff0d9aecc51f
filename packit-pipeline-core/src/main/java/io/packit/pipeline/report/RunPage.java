package io.packit.pipeline.report;

import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.RunSummary;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.http.RedactedUrl;
import io.packit.pipeline.render.PlanDrawing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The page of a run: one self-contained HTML file (inline SVG, CSS and script; nothing fetched) drawn as
 * {@code graph --format html} draws the plan, each box coloured by its node's state with a status line (state,
 * duration), the edges by kind and the critical path; a packages drawing for plans of several packages (what a big
 * plan opens on); a table per package (its state, how many nodes ended how, its time span) and per node (state,
 * start, duration, the reason of a failure or the root cause of a skip, each chroot's outcome, links to the Copr
 * build, SRPM and Testing Farm request or artifacts, remote ids).
 *
 * <p>Made from the plan and the node statuses only, so the same statuses at the same time give the same bytes;
 * every value from the config or a service is escaped as text, and only http(s) links without credentials become
 * links. While the run goes, the page reloads itself every {@code refresh} and keeps the view (zoom, level, folded
 * packages) across reloads; the final page does not reload.
 *
 * <p>The layout is computed once per plan ({@link #of}); each {@link #render} only marks it.
 */
public final class RunPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Plan plan;
    private final PlanDrawing drawing;

    private RunPage(Plan plan, PlanDrawing drawing) {
        this.plan = plan;
        this.drawing = drawing;
    }

    /** The page of runs of {@code plan} (lays the plan out). */
    public static RunPage of(Plan plan) {
        return new RunPage(Objects.requireNonNull(plan, "plan"), PlanDrawing.of(plan));
    }

    /** The page of {@code state} now, by its clock. */
    public String render(RunState state, Duration refresh) {
        return render(state.statuses(), state.clock().now(), refresh);
    }

    /**
     * The page of a run whose nodes stand as {@code statuses} (nodes of the plan missing there wait) at {@code now}.
     *
     * @param statuses the node statuses (a board's, or a state file's)
     * @param now      the time the page shows the run at (running nodes' durations run to it)
     * @param refresh  how often an unfinished run's page reloads itself; zero: never
     */
    public String render(List<NodeStatus> statuses, Instant now, Duration refresh) {
        var run = RunView.of(plan, statuses, now);
        var out = new StringBuilder(65_536);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(text(POLICY)).append("\">\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (!run.finished() && refresh.toSeconds() > 0) {
            out.append("<meta http-equiv=\"refresh\" content=\"").append(refresh.toSeconds()).append("\">\n");
        }
        var title = "Run: " + drawing.title();
        out.append("<title>").append(text(run.word() + " · " + title)).append("</title>\n<style>\n")
                .append(PlanDrawing.css()).append(CSS).append("</style>\n</head>\n<body data-run=\"")
                .append(run.finished() ? "finished" : "running").append("\" data-outcome=\"").append(run.word())
                .append("\">\n<div class=\"screen\">\n<header>\n<h1>").append(text(title)).append("</h1>\n");
        summary(out, run);
        toolbar(out);
        legend(out);
        out.append("</header>\n<div class=\"canvas\" id=\"canvas\" data-keep>\n");
        drawing.write(out, run);
        out.append("</div>\n</div>\n<main>\n");
        paths(out, run);
        packages(out, run);
        nodes(out, run);
        out.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    /**
     * The page's content security policy (also in the page, as a {@code meta} element): nothing may be fetched, no
     * script runs but the page's own (by its hash), inline styles only. A server that serves the page can send it as
     * its header.
     */
    public static String contentSecurityPolicy() {
        return POLICY;
    }

    private static String sha256(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void summary(StringBuilder out, RunView run) {
        out.append("<p class=\"summary\" id=\"outcome\"><span class=\"badge st-").append(run.word()).append("\">")
                .append(run.word()).append("</span> ").append(count(run.statuses().size(), "node")).append(": ");
        var parts = new ArrayList<String>();
        run.counts().forEach((state, count) -> parts.add("<span class=\"count st-" + state + "\">" + count + " " + state + "</span>"));
        out.append(String.join(", ", parts));
        out.append(" · as of <time>").append(TIME.format(run.now())).append("</time>");
        run.span().ifPresent(span -> out.append(" · ").append(RunSummary.format(span))
                .append(run.finished() ? " from the first start to the last end" : " since the first start"));
        if (!run.finished()) {
            out.append(" · <span class=\"live\">this page reloads itself while the run goes</span>");
        }
        out.append("</p>\n");
    }

    private static void toolbar(StringBuilder out) {
        out.append("<nav class=\"toolbar\">\n");
        PlanDrawing.controls(out);
        out.append("<span class=\"hint\">wheel: zoom · drag: pan · click a package: fold · click a node: its needs;")
                .append(" the tables below the drawing list every node</span>\n</nav>\n");
    }

    private static void legend(StringBuilder out) {
        out.append("<div class=\"legend\">");
        for (var state : NodeState.values()) {
            out.append("<span><i class=\"swatch st-").append(state.key()).append("\"></i>").append(state.key()).append("</span>");
        }
        out.append(EDGE_LEGEND).append("</div>\n");
    }

    private void paths(StringBuilder out, RunView run) {
        var critical = plan.criticalPath();
        out.append("<p class=\"path\" id=\"critical\">Critical path of the plan (estimated <span class=\"crit\">")
                .append(text(RunSummary.format(critical.length()))).append("</span>, in red in the drawing)")
                .append(critical.nodes().isEmpty() ? "" : ": ").append(chain(critical.nodes())).append("</p>\n");
        var slowest = run.slowestChain();
        if (!slowest.isEmpty()) {
            out.append("<p class=\"path\" id=\"slowest\">Slowest chain of this run (measured ")
                    .append(RunSummary.format(run.chainSpan(slowest))).append("): ").append(chain(slowest)).append("</p>\n");
        }
    }

    private static String chain(List<NodeId> ids) {
        return text(String.join(" → ", ids.stream().map(NodeId::toString).toList()));
    }

    private static void packages(StringBuilder out, RunView run) {
        out.append("<h2>Packages</h2>\n<table id=\"packages\">\n<thead><tr><th>package</th><th>state</th><th>nodes</th>");
        for (var state : NodeState.values()) {
            out.append("<th>").append(state.key()).append("</th>");
        }
        out.append("<th>time</th></tr></thead>\n<tbody>\n");
        for (var name : run.packageNames()) {
            var counts = run.packageCounts(name);
            var state = RunSummary.packageState(counts);
            out.append("<tr data-package=\"").append(text(name)).append("\" class=\"st-").append(state.key()).append("\"><td class=\"id\">")
                    .append(text(name)).append("</td><td class=\"state\">").append(state.key()).append("</td><td>")
                    .append(counts.values().stream().mapToInt(Integer::intValue).sum()).append("</td>");
            for (var each : NodeState.values()) {
                int count = counts.getOrDefault(each, 0);
                out.append("<td>").append(count == 0 ? "" : Integer.toString(count)).append("</td>");
            }
            out.append("<td>").append(run.packageSpan(name).map(RunSummary::format).orElse("")).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void nodes(StringBuilder out, RunView run) {
        out.append("<h2>Nodes</h2>\n<table id=\"nodes\">\n<thead><tr><th>#</th><th>node</th><th>state</th><th>started</th>")
                .append("<th>took</th><th>why, and each chroot</th><th>links</th></tr></thead>\n<tbody>\n");
        int index = 0;
        for (var status : run.statuses()) {
            index++;
            var state = status.state().key();
            out.append("<tr data-node=\"").append(drawing.nodeKey(status.id())).append("\" data-id=\"")
                    .append(text(status.id().toString())).append("\" data-state=\"").append(state).append("\" class=\"st-")
                    .append(state).append(plan.criticalPath().nodes().contains(status.id()) ? " critical" : "")
                    .append("\"><td>").append(index).append("</td><td class=\"id\">").append(text(status.id().toString()))
                    .append("</td><td class=\"state\">").append(state).append("</td><td>");
            var started = status.startedAt();
            out.append(started == null ? "" : TIME.format(started)).append("</td><td>")
                    .append(status.elapsed(run.now()).map(RunSummary::format).orElse("")).append("</td><td class=\"why\">");
            details(out, status);
            out.append("</td><td class=\"links\">");
            links(out, status);
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void details(StringBuilder out, NodeStatus status) {
        var lines = new ArrayList<String>();
        if (!status.reason().isEmpty()) {
            lines.add("<span class=\"reason\">" + text(RunView.reasonText(status)) + "</span>");
        }
        status.chroots().forEach((chroot, outcome) -> {
            var line = new StringBuilder("<span class=\"chroot st-").append(outcome.state().key()).append("\">")
                    .append(text(chroot)).append(": ").append(outcome.state().key());
            if (!outcome.reason().isEmpty()) {
                line.append(" (").append(text(outcome.reason())).append(')');
            }
            var url = RedactedUrl.ofLink(outcome.url());
            url.ifPresent(link -> line.append(" <a href=\"").append(text(link)).append("\">results</a>"));
            lines.add(line.append("</span>").toString());
        });
        out.append(String.join("<br>", lines));
    }

    private static void links(StringBuilder out, NodeStatus status) {
        var parts = new ArrayList<String>();
        status.links().forEach((key, url) -> {
            var link = RedactedUrl.ofLink(url);
            var name = LINK_NAMES.getOrDefault(key, key.replace('_', ' '));
            parts.add(link.isPresent()
                    ? "<a href=\"" + text(link.get()) + "\" data-link=\"" + text(key) + "\">" + text(name) + "</a>"
                    : "<span data-link=\"" + text(key) + "\">" + text(name) + ": " + text(url) + "</span>");
        });
        status.remote().forEach((key, value) -> {
            if (RemoteIds.SHOWN.contains(key)) {
                parts.add("<span class=\"remote\">" + text(key) + " " + text(value) + "</span>");
            }
        });
        out.append(String.join("<br>", parts));
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String text(String value) {
        return PlanDrawing.escape(value);
    }

    /** How a link of a node is named on the page, by its key on the status. */
    private static final Map<String, String> LINK_NAMES = new LinkedHashMap<>(Map.of(
            "copr", "Copr build", "srpm", "SRPM build", "testing_farm", "Testing Farm", "log", "log"));

    /** The remote ids worth showing (the others are bookkeeping: chroot lists, submission attempts). */
    private static final class RemoteIds {
        static final List<String> SHOWN = List.of("copr_build_id", "tf_request_id", "pid");

        private RemoteIds() {
        }
    }

    /** The run page's own CSS, over the graph page's: state colours win over kind colours. */
    private static final String CSS = """
            h2 { font-size: 14px; margin: 14px 0 4px; }
            .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-weight: bold; color: #fff; background: #666; }
            .badge.st-running { background: #b77400; } .badge.st-succeeded { background: #2e8540; }
            .badge.st-failed { background: #c62828; } .badge.st-cancelled { background: #6a5a8c; }
            .live { color: #b77400; }
            .legend .swatch.st-waiting { background: #ffffff; border-color: #8c96a8; }
            .legend .swatch.st-running { background: #ffe7b0; border-color: #d08c00; }
            .legend .swatch.st-succeeded { background: #d6f0db; border-color: #2e8540; }
            .legend .swatch.st-failed { background: #f9d3d3; border-color: #c62828; }
            .legend .swatch.st-skipped { background: #eeeeee; border-color: #aaaaaa; border-style: dashed; }
            .legend .swatch.st-cancelled { background: #e4def0; border-color: #6a5a8c; }
            .legend .swatch.st-reused { background: #d5eef6; border-color: #1f7a99; }
            .node.st-waiting rect, .package.st-waiting rect { fill: #ffffff; stroke: #8c96a8; }
            .node.st-running rect, .package.st-running rect { fill: #ffe7b0; stroke: #d08c00; stroke-width: 2.5; }
            .node.st-succeeded rect, .package.st-succeeded rect { fill: #d6f0db; stroke: #2e8540; }
            .node.st-failed rect, .package.st-failed rect { fill: #f9d3d3; stroke: #c62828; stroke-width: 2.5; }
            .node.st-skipped rect, .package.st-skipped rect { fill: #eeeeee; stroke: #aaaaaa; stroke-dasharray: 4 3; }
            .node.st-cancelled rect, .package.st-cancelled rect { fill: #e4def0; stroke: #6a5a8c; }
            .node.st-reused rect, .package.st-reused rect { fill: #d5eef6; stroke: #1f7a99; }
            .node.critical rect { stroke: #d62728; stroke-width: 3; }
            .node .status, .package .status { font-weight: bold; fill: #333; }
            .node.st-failed .status, .package.st-failed .status { fill: #a31515; }
            .node.st-running .status, .package.st-running .status { fill: #8a5a00; }
            .node.st-succeeded .status, .package.st-succeeded .status { fill: #1d5e2c; }
            .node .chroot.ch-failed { fill: #a31515; font-weight: bold; }
            .node .chroot.ch-succeeded { fill: #1d5e2c; }
            .node .chroot.ch-running { fill: #8a5a00; }
            .node .chroot.ch-reused { fill: #1f6f8b; }
            .badge.st-reused { background: #1f7a99; }
            .node.st-reused .status, .package.st-reused .status { fill: #15566c; }
            #nodes tr.st-reused td.state, #packages tr.st-reused td.state { color: #15566c; }
            .node .chroot.ch-skipped, .node .chroot.ch-cancelled { fill: #777; text-decoration: line-through; }
            #nodes tr.st-failed td.state, #packages tr.st-failed td.state, span.chroot.st-failed { color: #a31515; font-weight: bold; }
            #nodes tr.st-succeeded td.state, #packages tr.st-succeeded td.state { color: #1d5e2c; }
            #nodes tr.st-running td.state, #packages tr.st-running td.state { color: #8a5a00; font-weight: bold; }
            #nodes tr.st-skipped td, #packages tr.st-skipped td { color: #777; }
            #nodes tr.critical td.id { border-left: 3px solid #d62728; }
            td.why .reason { color: #333; }
            .remote { color: #666; }
            """;

    private static final String EDGE_LEGEND = "<span><i class=\"line\"></i>srpm → build</span>"
            + "<span><i class=\"line\" style=\"border-color:#2e8540\"></i>build → tests (per chroot)</span>"
            + "<span><i class=\"line\" style=\"border-top:2px dashed #2a6ebb\"></i>depends</span>"
            + "<span><i class=\"line\" style=\"border-top:3px solid #7b3fa0\"></i>release gating</span>"
            + "<span><i class=\"line\" style=\"border-top:3px solid #d62728\"></i>critical path</span>";

    /**
     * Keeps the view across the page's reloads (in the tab's session storage, per page address): the level, the
     * folded packages, zoom and pan, and the scroll position.
     */
    private static final String KEEP_VIEW = """
              (function keep() {
                var store = null;
                try { store = window.sessionStorage; } catch (denied) { return; }
                if (!store || !canvas.hasAttribute('data-keep')) { return; }
                var key = 'packit-run-view:' + location.pathname;
                try {
                  var kept = JSON.parse(store.getItem(key) || 'null');
                  if (kept && kept.level) {
                    show(svg.getAttribute('data-view'), kept.level);
                    kept.folded.forEach(function (group) { fold(group, true); });
                    if (kept.box && kept.scale) { box = kept.box; scale = kept.scale; apply(); }
                    window.scrollTo(0, kept.scrollY || 0);
                  }
                } catch (unreadable) { store.removeItem(key); }
                window.addEventListener('pagehide', function () {
                  var folded = Array.prototype.map.call(svg.querySelectorAll('.cover.shown'), function (c) {
                    return c.getAttribute('data-group');
                  });
                  store.setItem(key, JSON.stringify({ level: svg.getAttribute('data-level'), folded: folded, box: box,
                    scale: scale, scrollY: window.scrollY }));
                });
              })();
            """;

    /** The script element's text (what its hash in the policy covers). */
    private static final String SCRIPT = "\n" + PlanDrawing.script(KEEP_VIEW);

    private static final String POLICY = "default-src 'none'; script-src 'sha256-" + sha256(SCRIPT)
            + "'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
}
