package io.packit.pipeline.render;

import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a plan as one self-contained HTML page (inline SVG, CSS and a little JavaScript; nothing fetched from the
 * network): one lane per package, columns by dependency depth, chroot fan-out stacked within a lane, edges styled
 * by kind, skipped nodes greyed with their reason, the critical path in red; below the drawing, a table of every
 * node with what it needs. Clicking a node highlights what it needs and what needs it.
 */
public final class HtmlGraphPage {
    private static final int BOX_W = 210;
    private static final int BOX_H = 48;
    private static final int COL_W = 270;
    private static final int ROW_H = 60;
    private static final int LEFT = 150;
    private static final int TOP = 20;
    private static final int MAX_TEXT = 30;

    /** Renders {@code plan}. */
    public String render(Plan plan) {
        var picture = PlanPicture.of(plan);
        var layout = layout(picture);
        var out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<title>").append(escape(picture.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n");
        out.append("</head>\n<body>\n<header>\n<h1>").append(escape(picture.title())).append("</h1>\n<p class=\"summary\">");
        long running = picture.nodes().stream().filter(node -> node.skip().isEmpty()).count();
        out.append(picture.nodes().size()).append(picture.nodes().size() == 1 ? " node (" : " nodes (").append(running).append(" run, ")
                .append(picture.nodes().size() - running).append(" skipped), ").append(picture.edges().size())
                .append(picture.edges().size() == 1 ? " edge" : " edges").append("; critical path <span class=\"crit\">").append(escape(picture.critical()))
                .append("</span>: ");
        out.append(escape(String.join(" → ", plan.criticalPath().nodes().stream().map(Object::toString).toList())));
        out.append("</p>\n");
        out.append(LEGEND);
        out.append("</header>\n<main>\n<div class=\"canvas\">\n");
        svg(out, picture, layout);
        out.append("</div>\n");
        table(out, picture, plan);
        out.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The CSS class of a node's kind: srpm, build, tests or release. */
    static String styleClass(PlanPicture.PictureNode node) {
        if (!node.skip().isEmpty()) {
            return "skipped";
        }
        if (node.kind() == NodeKind.SRPM) {
            return "srpm";
        }
        if (node.kind() == NodeKind.COPR_BUILD) {
            return "build";
        }
        if (node.kind() == NodeKind.TESTS) {
            return "tests";
        }
        return "release";
    }

    private record Layout(Map<Integer, int[]> xy, Map<String, int[]> lanes, int width, int height) {
    }

    /** Columns: longest path from a source; rows: one lane per package, stacked per column inside it. */
    private static Layout layout(PlanPicture picture) {
        var column = new HashMap<Integer, Integer>();
        var incoming = new HashMap<Integer, List<Integer>>();
        for (var edge : picture.edges()) {
            incoming.computeIfAbsent(edge.to().index(), key -> new ArrayList<>()).add(edge.from().index());
        }
        int columns = 1;
        for (var node : picture.nodes()) {
            int col = 0;
            for (int from : incoming.getOrDefault(node.index(), List.of())) {
                col = Math.max(col, column.getOrDefault(from, 0) + 1);
            }
            column.put(node.index(), col);
            columns = Math.max(columns, col + 1);
        }
        var xy = new HashMap<Integer, int[]>();
        var lanes = new LinkedHashMap<String, int[]>();
        int y = TOP;
        for (var entry : picture.packages().entrySet()) {
            var perColumn = new HashMap<Integer, Integer>();
            int rows = 1;
            for (var node : entry.getValue()) {
                int col = column.get(node.index());
                int row = perColumn.merge(col, 1, Integer::sum) - 1;
                rows = Math.max(rows, row + 1);
                xy.put(node.index(), new int[] {LEFT + col * COL_W, y + row * ROW_H});
            }
            lanes.put(entry.getKey(), new int[] {y - 8, rows * ROW_H + 4});
            y += rows * ROW_H + 16;
        }
        return new Layout(xy, lanes, LEFT + columns * COL_W, y + TOP);
    }

    private static void svg(StringBuilder out, PlanPicture picture, Layout layout) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"graph\" width=\"").append(layout.width())
                .append("\" height=\"").append(layout.height()).append("\" viewBox=\"0 0 ").append(layout.width())
                .append(' ').append(layout.height()).append("\">\n");
        out.append("<defs>");
        for (var kind : List.of("srpm_to_build", "build_to_tests", "depends", "release_gating", "critical")) {
            out.append("<marker id=\"arrow-").append(kind).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                    .append("markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\">")
                    .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"head ").append(kind).append("\"/></marker>");
        }
        out.append("</defs>\n");
        int lane = 0;
        for (var entry : layout.lanes().entrySet()) {
            var box = entry.getValue();
            out.append("<g class=\"lane\"><rect x=\"4\" y=\"").append(box[0]).append("\" width=\"")
                    .append(layout.width() - 8).append("\" height=\"").append(box[1]).append("\" class=\"lane-")
                    .append(lane++ % 2).append("\"/><text x=\"12\" y=\"").append(box[0] + 22)
                    .append("\" class=\"lane-label\">").append(escape(clip(entry.getKey(), 18))).append("</text></g>\n");
        }
        for (var edge : picture.edges()) {
            var from = layout.xy().get(edge.from().index());
            var to = layout.xy().get(edge.to().index());
            int x1 = from[0] + BOX_W;
            int y1 = from[1] + BOX_H / 2;
            int x2 = to[0];
            int y2 = to[1] + BOX_H / 2;
            int bend = Math.max(30, (x2 - x1) / 2);
            var kind = edge.kind().key();
            out.append("<path class=\"edge ").append(kind).append(edge.critical() ? " critical" : "")
                    .append("\" data-from=\"n").append(edge.from().index()).append("\" data-to=\"n")
                    .append(edge.to().index()).append("\" d=\"M ").append(x1).append(' ').append(y1).append(" C ")
                    .append(x1 + bend).append(' ').append(y1).append(", ").append(x2 - bend).append(' ').append(y2)
                    .append(", ").append(x2).append(' ').append(y2).append("\" marker-end=\"url(#arrow-")
                    .append(edge.critical() ? "critical" : kind).append(")\"><title>")
                    .append(escape(edge.from().id() + " → " + edge.to().id() + " (" + kind + ")"
                            + (edge.chroots().isEmpty() ? "" : ": " + String.join(", ", edge.chroots()))))
                    .append("</title></path>\n");
        }
        for (var node : picture.nodes()) {
            var at = layout.xy().get(node.index());
            out.append("<g class=\"node ").append(styleClass(node)).append(node.critical() ? " critical" : "")
                    .append(node.implicit() ? " implicit" : "").append("\" id=\"n").append(node.index())
                    .append("\" data-id=\"").append(escape(node.id().toString())).append("\" transform=\"translate(")
                    .append(at[0]).append(',').append(at[1]).append(")\">");
            out.append("<title>").append(escape(node.id().toString()));
            if (!node.detail().isEmpty()) {
                out.append("\n").append(escape(node.detail()));
            }
            if (!node.skip().isEmpty()) {
                out.append("\nskipped: ").append(escape(node.skip()));
            }
            out.append("</title>");
            out.append("<rect width=\"").append(BOX_W).append("\" height=\"").append(BOX_H).append("\" rx=\"7\"/>");
            out.append("<text x=\"8\" y=\"16\"><tspan class=\"kind\">").append(escape(node.kind().key()))
                    .append("</tspan> ").append(escape(clip(node.job(), MAX_TEXT - node.kind().key().length())))
                    .append("</text>");
            var second = node.skip().isEmpty()
                    ? (node.chroot().isEmpty() ? node.detail() : "@" + node.chroot())
                    : "skipped: " + node.skip();
            out.append("<text x=\"8\" y=\"34\" class=\"sub\">").append(escape(clip(second, MAX_TEXT + 4)))
                    .append("</text></g>\n");
        }
        out.append("</svg>\n");
    }

    private static void table(StringBuilder out, PlanPicture picture, Plan plan) {
        out.append("<table id=\"nodes\">\n<thead><tr><th>#</th><th>node</th><th>needs</th><th>status</th></tr></thead>\n<tbody>\n");
        for (var node : picture.nodes()) {
            out.append("<tr data-node=\"n").append(node.index()).append("\" class=\"").append(styleClass(node))
                    .append("\"><td>").append(node.index() + 1).append("</td><td class=\"id\">")
                    .append(escape(node.id().toString())).append("</td><td>");
            var needs = plan.needsOf(node.id()).stream().map(edge -> edge.need()).toList();
            out.append(escape(String.join(", ", needs))).append("</td><td>");
            out.append(node.skip().isEmpty() ? (node.critical() ? "runs (critical path)" : "runs")
                    : "skipped: " + escape(node.skip()));
            var reuse = plan.find(node.id()).map(planned -> planned.reuse().describe(plan.event())).orElse("");
            if (node.skip().isEmpty() && !reuse.isEmpty()) {
                out.append("; ").append(escape(reuse));
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String clip(String text, int max) {
        int limit = Math.max(8, max);
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    /** HTML text and attribute escaping. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0;
                   color: #222; background: #fafafa; }
            header { padding: 12px 20px; background: #fff; border-bottom: 1px solid #ddd; }
            h1 { font-size: 18px; margin: 0 0 4px 0; }
            .summary { margin: 0 0 6px 0; font-size: 13px; color: #444; }
            .crit { color: #d62728; font-weight: bold; }
            .legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; align-items: center; }
            .legend span { display: inline-flex; align-items: center; gap: 5px; }
            .swatch { width: 14px; height: 10px; border: 1px solid #888; border-radius: 2px; display: inline-block; }
            .line { width: 24px; height: 0; border-top: 2px solid #777; display: inline-block; }
            main { padding: 10px 20px; }
            .canvas { overflow: auto; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
            .lane-0 { fill: #fbfbfd; } .lane-1 { fill: #f3f5f9; }
            .lane-label { font-size: 13px; font-weight: bold; fill: #555; }
            .node rect { stroke-width: 1.5; }
            .node text { font-size: 12px; fill: #222; }
            .node .kind { font-weight: bold; }
            .node .sub { font-size: 11px; fill: #555; }
            .node.srpm rect { fill: #f5f0e6; stroke: #8a6d3b; }
            .node.build rect { fill: #e6f0fa; stroke: #2a6ebb; }
            .node.tests rect { fill: #e9f6ec; stroke: #2e8540; }
            .node.release rect { fill: #f3e9f8; stroke: #7b3fa0; }
            .node.skipped rect { fill: #eeeeee; stroke: #aaaaaa; stroke-dasharray: 4 3; }
            .node.skipped text { fill: #888; }
            .node.implicit rect { stroke-dasharray: 2 2; }
            .node.critical rect { stroke: #d62728; stroke-width: 3; }
            .node { cursor: pointer; }
            .edge { fill: none; stroke-width: 1.5; }
            .edge.srpm_to_build { stroke: #777; }
            .edge.build_to_tests { stroke: #2e8540; }
            .edge.depends { stroke: #2a6ebb; stroke-dasharray: 6 4; }
            .edge.release_gating { stroke: #7b3fa0; stroke-width: 3; }
            .edge.critical { stroke: #d62728; stroke-width: 3; }
            .head.srpm_to_build { fill: #777; } .head.build_to_tests { fill: #2e8540; }
            .head.depends { fill: #2a6ebb; } .head.release_gating { fill: #7b3fa0; } .head.critical { fill: #d62728; }
            svg.focus .node, svg.focus .edge { opacity: 0.18; }
            svg.focus .lit { opacity: 1; }
            table { border-collapse: collapse; margin-top: 14px; font-size: 12px; background: #fff; }
            th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
            td.id { font-family: ui-monospace, Menlo, Consolas, monospace; }
            tr.skipped td { color: #888; }
            """;

    private static final String LEGEND = """
            <div class="legend">
            <span><i class="swatch" style="background:#f5f0e6"></i>srpm</span>
            <span><i class="swatch" style="background:#e6f0fa"></i>copr_build</span>
            <span><i class="swatch" style="background:#e9f6ec"></i>tests</span>
            <span><i class="swatch" style="background:#f3e9f8"></i>release / other jobs</span>
            <span><i class="swatch" style="background:#eeeeee;border-style:dashed"></i>skipped (reason shown)</span>
            <span><i class="line"></i>srpm → build</span>
            <span><i class="line" style="border-color:#2e8540"></i>build → tests (per chroot)</span>
            <span><i class="line" style="border-top:2px dashed #2a6ebb"></i>depends</span>
            <span><i class="line" style="border-top:3px solid #7b3fa0"></i>release gating</span>
            <span><i class="line" style="border-top:3px solid #d62728"></i>critical path</span>
            </div>
            """;

    private static final String SCRIPT = """
            (function () {
              var svg = document.getElementById('graph');
              var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
              function light(id, seen, dir) {
                if (seen[dir + id]) { return; }
                seen[dir + id] = true;
                var node = document.getElementById(id);
                if (node) { node.classList.add('lit'); }
                edges.forEach(function (edge) {
                  var from = edge.getAttribute('data-from'), to = edge.getAttribute('data-to');
                  if (dir !== 'down' && to === id) { edge.classList.add('lit'); light(from, seen, 'up'); }
                  if (dir !== 'up' && from === id) { edge.classList.add('lit'); light(to, seen, 'down'); }
                });
              }
              function focus(id) {
                var lit = svg.querySelectorAll('.lit');
                Array.prototype.forEach.call(lit, function (el) { el.classList.remove('lit'); });
                if (!id || svg.getAttribute('data-focus') === id) {
                  svg.classList.remove('focus'); svg.removeAttribute('data-focus'); return;
                }
                svg.setAttribute('data-focus', id); svg.classList.add('focus'); light(id, {}, 'both');
              }
              Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) {
                node.addEventListener('click', function () { focus(node.id); });
              });
              Array.prototype.forEach.call(document.querySelectorAll('#nodes tr[data-node]'), function (row) {
                row.addEventListener('click', function () { focus(row.getAttribute('data-node')); });
              });
            })();
            """;
}
