package io.packit.pipeline.render;

import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.render.layout.GraphLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link PlanLayout} as inline SVG: a frame per package (with a cover that hides it when folded), edges
 * styled by kind along their routes, a dot per chroot port, and a box per node with its {@link NodeLabel} line by
 * line; full ids and details in tooltips. Every text from the plan is escaped. Only draws: where things are is the
 * layout's business.
 */
final class PlanSvg {
    /** Edge kinds with their own arrowhead (and {@code critical}). */
    static final List<String> MARKERS = List.of("srpm_to_build", "build_to_tests", "depends", "release_gating", "critical");

    private PlanSvg() {
    }

    /** The shared arrowheads, once per page (markers are referenced by id from every view). */
    static void markers(StringBuilder out) {
        out.append("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>");
        for (var kind : MARKERS) {
            out.append("<marker id=\"arrow-").append(kind).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                    .append("markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">")
                    .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"head ").append(kind).append("\"/></marker>");
        }
        out.append("</defs></svg>\n");
    }

    /** Draws {@code layout} as the jobs drawing of view {@code view} (an id-safe key). */
    static void draw(StringBuilder out, String view, PlanLayout layout, boolean shown) {
        draw(out, view, layout, shown, NodeMarks.NONE);
    }

    /** Draws {@code layout} with {@code marks} on its nodes: their classes, status lines and tooltip lines. */
    static void draw(StringBuilder out, String view, PlanLayout layout, boolean shown, NodeMarks marks) {
        var geometry = layout.geometry();
        var picture = layout.picture();
        open(out, view, "jobs", geometry, shown);
        var frames = layout.packages();
        var names = List.copyOf(frames.keySet());
        var keys = new LinkedHashMap<String, String>();
        for (var entry : frames.entrySet()) {
            var key = PlanLayout.groupKey(names, entry.getKey());
            keys.put(entry.getKey(), key);
            var frame = entry.getValue();
            out.append("<g class=\"group\" data-group=\"").append(key).append("\">");
            rect(out, frame, "frame", 8);
            var header = layout.header(entry.getKey());
            out.append("<g class=\"group-head\" data-group=\"").append(key).append("\"><title>")
                    .append(HtmlGraphPage.escape("package " + entry.getKey() + ": click to fold")).append("</title>");
            rect(out, new GraphLayout.Frame(key, frame.x(), frame.y(), frame.width(),
                    header.size() * NodeLabel.LINE_HEIGHT + 8), "head", 8);
            int line = 0;
            for (var text : header) {
                out.append("<text class=\"group-label\" x=\"").append(number(frame.x() + 10)).append("\" y=\"")
                        .append(number(frame.y() + 14 + line++ * NodeLabel.LINE_HEIGHT)).append("\">")
                        .append(HtmlGraphPage.escape(text)).append("</text>");
            }
            out.append("</g></g>\n");
        }
        var routes = geometry.routesById();
        for (int i = 0; i < picture.edges().size(); i++) {
            var edge = picture.edges().get(i);
            var route = routes.get(PlanLayout.edgeKey(i));
            var kind = edge.kind().key();
            out.append("<path class=\"edge ").append(kind).append(edge.critical() ? " critical" : "")
                    .append("\" data-from=\"").append(PlanLayout.nodeKey(edge.from())).append("\" data-to=\"")
                    .append(PlanLayout.nodeKey(edge.to())).append("\" d=\"");
            path(out, route.points());
            out.append("\" marker-end=\"url(#arrow-").append(edge.critical() ? "critical" : kind).append(")\"><title>")
                    .append(HtmlGraphPage.escape(edge.from().id() + " → " + edge.to().id() + " (" + kind.replace('_', ' ')
                            + (edge.chroots().isEmpty() ? "" : ": " + String.join(", ", edge.chroots())) + ")"))
                    .append("</title></path>\n");
        }
        var boxes = geometry.boxesById();
        for (var node : picture.nodes()) {
            var box = boxes.get(PlanLayout.nodeKey(node));
            var label = layout.label(node);
            out.append("<g class=\"node ").append(HtmlGraphPage.styleClass(node)).append(node.critical() ? " critical" : "")
                    .append(node.implicit() ? " implicit" : "").append(classes(marks.nodeClasses(node.id()))).append("\" data-node=\"").append(PlanLayout.nodeKey(node))
                    .append("\" data-group=\"").append(keys.get(node.packageName())).append("\" data-id=\"")
                    .append(HtmlGraphPage.escape(node.id().toString())).append("\" transform=\"translate(")
                    .append(number(box.x())).append(',').append(number(box.y())).append(")\">");
            var tip = new StringBuilder(tooltip(node));
            marks.details(node.id()).forEach(detail -> tip.append('\n').append(detail));
            out.append("<title>").append(HtmlGraphPage.escape(tip.toString())).append("</title>");
            out.append("<rect width=\"").append(number(box.width())).append("\" height=\"").append(number(box.height()))
                    .append("\" rx=\"6\"/>");
            for (int i = 0; i < label.lines().size(); i++) {
                var line = label.lines().get(i);
                var text = line.style() == NodeLabel.Style.STATUS ? oneLine(marks.status(node.id())) : line.text();
                var css = line.chroot().isEmpty() ? "" : classes(marks.chrootClasses(node.id(), line.chroot()));
                out.append("<text x=\"").append(number(NodeLabel.PAD_X)).append("\" y=\"")
                        .append(number(NodeLabel.baselineOf(i))).append("\" class=\"").append(line.style().css()).append(css)
                        .append("\">").append(HtmlGraphPage.escape(text)).append("</text>");
                if (!line.chroot().isEmpty()) {
                    out.append("<circle class=\"port\" cx=\"").append(number(box.width())).append("\" cy=\"")
                            .append(number(NodeLabel.middleOf(i))).append("\" r=\"3\"/>");
                }
            }
            out.append("</g>\n");
        }
        for (var entry : frames.entrySet()) {
            cover(out, keys.get(entry.getKey()), entry.getKey(), entry.getValue(), picture.packages().get(entry.getKey()));
        }
        out.append("</svg>\n");
    }

    /** Draws {@code overview} as the packages drawing of view {@code view}: a box per package, edges between them. */
    static void drawOverview(StringBuilder out, String view, PackageOverview overview, boolean shown) {
        drawOverview(out, view, overview, shown, NodeMarks.NONE);
    }

    /** Draws {@code overview} with {@code marks} on its packages: their classes and status lines. */
    static void drawOverview(StringBuilder out, String view, PackageOverview overview, boolean shown, NodeMarks marks) {
        var geometry = overview.geometry();
        open(out, view, "packages", geometry, shown);
        var names = List.copyOf(overview.lines().keySet());
        var routes = geometry.routesById();
        for (int i = 0; i < overview.edges().size(); i++) {
            var edge = overview.edges().get(i);
            out.append("<path class=\"edge ").append(edge.kind()).append(edge.critical() ? " critical" : "").append("\" d=\"");
            path(out, routes.get(PlanLayout.edgeKey(i)).points());
            out.append("\" marker-end=\"url(#arrow-").append(edge.critical() ? "critical" : edge.kind()).append(")\"><title>")
                    .append(HtmlGraphPage.escape(edge.to() + " waits for " + edge.from() + " (" + edge.count() + " "
                            + edge.kind().replace('_', ' ') + (edge.count() == 1 ? " edge)" : " edges)")))
                    .append("</title></path>\n");
        }
        var boxes = geometry.boxesById();
        for (var name : names) {
            var key = PlanLayout.groupKey(names, name);
            var box = boxes.get(key);
            var nodes = overview.picture().packages().get(name);
            boolean critical = nodes.stream().anyMatch(PlanPicture.PictureNode::critical);
            boolean skipped = nodes.stream().allMatch(node -> !node.skip().isEmpty());
            out.append("<g class=\"package").append(critical ? " critical" : "").append(skipped ? " skipped" : "")
                    .append(classes(marks.packageClasses(name))).append("\" data-group=\"").append(key).append("\" transform=\"translate(").append(number(box.x()))
                    .append(',').append(number(box.y())).append(")\"><title>")
                    .append(HtmlGraphPage.escape("package " + name + ": click to show its jobs")).append("</title>");
            out.append("<rect width=\"").append(number(box.width())).append("\" height=\"").append(number(box.height()))
                    .append("\" rx=\"6\"/>");
            var lines = overview.lines().get(name);
            for (int i = 0; i < lines.size(); i++) {
                boolean status = overview.statusLine() && i == lines.size() - 1;
                out.append("<text x=\"").append(number(NodeLabel.PAD_X)).append("\" y=\"").append(number(NodeLabel.baselineOf(i)))
                        .append('"').append(i < NodeLabel.wrap(name).size() ? " class=\"pkg\""
                                : status ? " class=\"" + NodeLabel.Style.STATUS.css() + "\"" : "").append('>')
                        .append(HtmlGraphPage.escape(status ? oneLine(marks.packageStatus(name)) : lines.get(i))).append("</text>");
            }
            out.append("</g>\n");
        }
        out.append("</svg>\n");
    }

    private static void open(StringBuilder out, String view, String level, GraphLayout geometry, boolean shown) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plan\" id=\"view-").append(view).append('-')
                .append(level).append("\" data-view=\"").append(view).append("\" data-level=\"").append(level)
                .append("\" data-width=\"").append(number(geometry.width())).append("\" data-height=\"")
                .append(number(geometry.height())).append("\" viewBox=\"0 0 ").append(number(geometry.width())).append(' ')
                .append(number(geometry.height())).append("\" preserveAspectRatio=\"xMidYMid meet\"")
                .append(shown ? "" : " hidden").append(">\n");
    }

    private static void path(StringBuilder out, List<GraphLayout.Point> points) {
        for (int p = 0; p < points.size(); p++) {
            out.append(p == 0 ? "M" : " L").append(number(points.get(p).x())).append(' ').append(number(points.get(p).y()));
        }
    }

    /** The cover of a folded package: an opaque frame with what it hides, in letters big enough to read when fit. */
    private static void cover(StringBuilder out, String key, String name, GraphLayout.Frame frame,
            List<PlanPicture.PictureNode> nodes) {
        var counts = new LinkedHashMap<NodeKind, Integer>();
        nodes.forEach(node -> counts.merge(node.kind(), 1, Integer::sum));
        var parts = new StringBuilder();
        counts.forEach((kind, count) -> parts.append(parts.length() == 0 ? "" : ", ").append(count).append(' ').append(kind.key()));
        long skipped = nodes.stream().filter(node -> !node.skip().isEmpty()).count();
        var lines = new java.util.ArrayList<String>();
        lines.addAll(NodeLabel.wrap(name, PlanLayout.GROUP_CHARS));
        lines.add(nodes.size() + (nodes.size() == 1 ? " node" : " nodes") + (skipped > 0 ? " (" + skipped + " skipped)" : ""));
        lines.addAll(NodeLabel.wrap(parts.toString(), PlanLayout.GROUP_CHARS));
        int longest = lines.stream().mapToInt(String::length).max().orElse(1);
        double size = Math.max(12, Math.min(Math.min(frame.width() / (longest * 0.62 + 2), frame.height() / (lines.size() * 1.3 + 1)), 64));
        out.append("<g class=\"cover\" data-group=\"").append(key).append("\">");
        rect(out, frame, "", 8);
        out.append("<text style=\"font-size:").append(number(Math.floor(size))).append("px\">");
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan x=\"").append(number(frame.x() + size * 0.6)).append("\" y=\"")
                    .append(number(frame.y() + size * (1.3 * i + 1.4))).append("\"").append(i == 0 ? " class=\"name\"" : "")
                    .append(">").append(HtmlGraphPage.escape(lines.get(i))).append("</tspan>");
        }
        out.append("</text></g>\n");
    }

    /** Extra CSS classes from a page's marks, each kept to the characters a class name needs, with a space before each. */
    private static String classes(String words) {
        var out = new StringBuilder();
        for (var word : words.split(" ")) {
            if (!word.isEmpty() && word.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                out.append(' ').append(word);
            }
        }
        return out.toString();
    }

    /** A status text as the one line it is drawn on: no line breaks, at most {@link NodeLabel#CHARS} characters. */
    private static String oneLine(String text) {
        var flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= NodeLabel.CHARS) {
            return flat;
        }
        int cut = NodeLabel.CHARS - 1;
        if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
            cut--;
        }
        return flat.substring(0, cut) + "…";
    }

    private static String tooltip(PlanPicture.PictureNode node) {
        var text = new StringBuilder(node.id().toString());
        if (!node.chroots().isEmpty() && node.kind() == NodeKind.COPR_BUILD) {
            text.append("\nchroots: ").append(String.join(", ", node.chroots()));
        }
        if (!node.target().isEmpty()) {
            text.append("\nTesting Farm target: ").append(node.target());
        }
        text.append("\nruns on: ").append(node.when());
        if (!node.skip().isEmpty()) {
            text.append("\nskipped: ").append(node.skip());
        }
        if (node.critical()) {
            text.append("\non the critical path");
        }
        return text.toString();
    }

    private static void rect(StringBuilder out, GraphLayout.Frame frame, String css, int radius) {
        out.append("<rect").append(css.isEmpty() ? "" : " class=\"" + css + "\"").append(" x=\"").append(number(frame.x()))
                .append("\" y=\"").append(number(frame.y())).append("\" width=\"").append(number(frame.width()))
                .append("\" height=\"").append(number(frame.height())).append("\" rx=\"").append(radius).append("\"/>");
    }

    /** A coordinate: at most one decimal, none when whole. */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
