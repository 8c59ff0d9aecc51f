package io.packit.pipeline.render;

import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws a plan as one self-contained HTML page (inline SVG, CSS and a little JavaScript; nothing fetched from the
 * network). One drawing per trigger (pull request, commit, release, …, and all of them), chosen with a selector,
 * each laid out by {@link PlanLayout} (ELK's layered layout: a frame per package, orthogonal edges routed around
 * the boxes, build → tests edges from the port of their chroot) and drawn by {@link PlanSvg}. The page opens with
 * the drawing fit to the window; the wheel zooms, dragging pans, a package's header folds it, clicking a node
 * highlights what it needs and what needs it. Below the drawing, the critical path and a table of every node.
 */
public final class HtmlGraphPage {
    /** Renders {@code plan}. */
    public String render(Plan plan) {
        var picture = PlanPicture.of(plan);
        var views = views(picture);
        var out = new StringBuilder(32_768);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.append("<title>").append(escape(picture.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n");
        out.append("</head>\n<body>\n<div class=\"screen\">\n<header>\n<h1>").append(escape(picture.title()))
                .append("</h1>\n<p class=\"summary\">");
        long running = picture.nodes().stream().filter(node -> node.skip().isEmpty()).count();
        out.append(count(picture.nodes().size(), "node")).append(" (").append(running).append(" run, ")
                .append(picture.nodes().size() - running).append(" skipped), ").append(count(picture.edges().size(), "edge"))
                .append("; critical path <span class=\"crit\">").append(escape(picture.critical()))
                .append("</span> (in red, listed below the drawing)</p>\n");
        toolbar(out, views);
        out.append(LEGEND);
        out.append("</header>\n<div class=\"canvas\" id=\"canvas\">\n");
        PlanSvg.markers(out);
        var shown = views.stream().filter(View::enabled).findFirst().map(View::key).orElse("");
        for (var view : views) {
            if (view.enabled()) {
                var part = picture.only(view.trigger());
                PlanSvg.draw(out, view.key(), PlanLayout.of(part, view.trigger().isEmpty()), view.key().equals(shown));
                if (part.packages().size() > 1) {
                    PlanSvg.drawOverview(out, view.key(), PackageOverview.of(part), false);
                }
            }
        }
        if (shown.isEmpty()) {
            out.append("<p class=\"empty\">Nothing to draw: the plan has no nodes.</p>\n");
        }
        out.append("</div>\n</div>\n<main>\n");
        criticalPath(out, plan);
        table(out, picture, plan);
        out.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    /**
     * One drawing: a trigger's nodes, or all of them.
     *
     * @param key     id-safe key ({@code pull_request}, …, {@code all})
     * @param label   the selector's text
     * @param trigger its trigger; empty: all
     * @param nodes   how many nodes it draws
     * @param enabled whether it is drawn (has nodes, and for "all": more than one trigger)
     */
    record View(String key, String label, Optional<Trigger> trigger, int nodes, boolean enabled) {
    }

    /** Pull request, commit and release always (disabled without nodes), other triggers present, then all. */
    static List<View> views(PlanPicture picture) {
        var present = picture.triggers();
        var triggers = new ArrayList<>(List.of(Trigger.PULL_REQUEST, Trigger.COMMIT, Trigger.RELEASE));
        present.stream().filter(trigger -> !triggers.contains(trigger)).forEach(triggers::add);
        var views = new ArrayList<View>();
        for (var trigger : triggers) {
            int nodes = picture.only(Optional.of(trigger)).nodes().size();
            views.add(new View(trigger.key(), trigger.key().replace('_', ' '), Optional.of(trigger), nodes, nodes > 0));
        }
        views.add(new View("all", "all triggers", Optional.empty(), picture.nodes().size(), present.size() > 1));
        return views;
    }

    private static void toolbar(StringBuilder out, List<View> views) {
        out.append("<nav class=\"toolbar\">\n<span class=\"views\" role=\"group\" aria-label=\"trigger\">runs on ");
        boolean first = true;
        for (var view : views) {
            out.append("<button type=\"button\" data-show=\"").append(view.key()).append("\"");
            if (!view.enabled()) {
                out.append(" disabled title=\"").append(view.trigger().isPresent()
                        ? "no job of this plan runs on " + view.label() : "the plan has one trigger only").append('"');
            } else {
                out.append(" aria-pressed=\"").append(first).append('"');
                first = false;
            }
            out.append('>').append(view.label()).append(" <small>").append(view.nodes()).append("</small></button>");
        }
        out.append("</span>\n");
        viewControls(out);
        out.append("<span class=\"hint\" title=\"wheel: zoom; drag: pan; click a package's name: fold it; click a node:")
                .append(" what it needs and what needs it; hover: full id\">wheel: zoom · drag: pan · click: fold, needs</span>\n")
                .append("</nav>\n");
    }

    /** The zoom (fit, in, out), level (packages, jobs) and fold (all, none) buttons the script handles. */
    static void viewControls(StringBuilder out) {
        out.append("<span class=\"zoom\"><button type=\"button\" data-zoom=\"fit\">fit</button>")
                .append("<button type=\"button\" data-zoom=\"in\" title=\"zoom in\">+</button>")
                .append("<button type=\"button\" data-zoom=\"out\" title=\"zoom out\">−</button></span>\n")
                .append("<span class=\"levels\" role=\"group\" aria-label=\"detail\">")
                .append("<button type=\"button\" data-level=\"packages\">packages</button>")
                .append("<button type=\"button\" data-level=\"jobs\">jobs</button></span>\n")
                .append("<span class=\"fold\"><button type=\"button\" data-fold=\"all\" title=\"fold every package\">fold</button>")
                .append("<button type=\"button\" data-fold=\"none\" title=\"unfold every package\">unfold</button></span>\n");
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** The CSS class of a node's kind: srpm, build, tests or release; skipped whatever its kind. */
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

    private static void criticalPath(StringBuilder out, Plan plan) {
        var chain = plan.criticalPath().nodes().stream().map(Object::toString).toList();
        out.append("<p class=\"path\">Critical path <span class=\"crit\">")
                .append(escape(PlanPicture.durationText(plan.criticalPath().length()))).append("</span>")
                .append(chain.isEmpty() ? "" : ": ").append(escape(String.join(" → ", chain))).append("</p>\n");
    }

    private static void table(StringBuilder out, PlanPicture picture, Plan plan) {
        out.append("<table id=\"nodes\">\n<thead><tr><th>#</th><th>node</th><th>runs on</th><th>needs</th><th>status</th></tr></thead>\n<tbody>\n");
        for (var node : picture.nodes()) {
            out.append("<tr data-node=\"").append(PlanLayout.nodeKey(node)).append("\" data-trigger=\"")
                    .append(node.trigger().key()).append("\" class=\"").append(styleClass(node))
                    .append("\"><td>").append(node.index() + 1).append("</td><td class=\"id\">")
                    .append(escape(node.id().toString())).append("</td><td>").append(escape(node.when())).append("</td><td>");
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

    static final String CSS = """
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0;
                   color: #222; background: #fafafa; }
            .screen { display: flex; flex-direction: column; height: 100vh; }
            header { flex: none; padding: 8px 16px 6px; background: #fff; border-bottom: 1px solid #ddd; }
            h1 { font-size: 17px; margin: 0 0 2px 0; overflow-wrap: anywhere; }
            .summary { margin: 0 0 6px 0; font-size: 13px; color: #444; }
            .crit { color: #d62728; font-weight: bold; }
            .toolbar { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; font-size: 13px; margin-bottom: 6px; }
            .toolbar button { font: inherit; padding: 2px 9px; border: 1px solid #bbb; background: #f4f4f4; border-radius: 4px;
                              cursor: pointer; margin-right: 3px; }
            .toolbar button[aria-pressed="true"] { background: #2a6ebb; border-color: #2a6ebb; color: #fff; }
            .toolbar button:disabled { color: #aaa; cursor: default; }
            .toolbar small { opacity: 0.75; }
            .hint { color: #666; font-size: 12px; }
            .legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; align-items: center; }
            .legend span { display: inline-flex; align-items: center; gap: 5px; }
            .swatch { width: 14px; height: 10px; border: 1px solid #888; border-radius: 2px; display: inline-block; }
            .line { width: 24px; height: 0; border-top: 2px solid #777; display: inline-block; }
            .dot { width: 7px; height: 7px; border-radius: 50%; background: #2a6ebb; display: inline-block; }
            .canvas { flex: 1 1 auto; min-height: 240px; position: relative; overflow: hidden; background: #fff;
                      cursor: grab; touch-action: none; }
            .canvas.panning { cursor: grabbing; }
            .canvas svg.plan { position: absolute; inset: 0; width: 100%; height: 100%; user-select: none; }
            .canvas svg.plan[hidden] { display: none; }
            svg.defs { position: absolute; }
            .empty { padding: 20px; }
            main { padding: 10px 16px; }
            .path { font-size: 13px; overflow-wrap: anywhere; }
            .group .frame { fill: #f6f7fa; stroke: #c9ced8; }
            .group .head { fill: transparent; cursor: pointer; }
            .group-label { font: bold 12px "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; fill: #444; cursor: pointer;
                            paint-order: stroke; stroke: #f6f7fa; stroke-width: 4px; stroke-linejoin: round; }
            .cover { display: none; cursor: pointer; }
            .cover rect { fill: #e8ebf2; stroke: #8f98aa; stroke-width: 1.5; }
            .cover text { font-family: system-ui, sans-serif; fill: #333; }
            .cover .name { font-weight: bold; }
            svg.plan .folded { display: none; }
            svg.plan .cover.shown { display: inline; }
            .node text { font: 12px "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; fill: #222; white-space: pre; }
            .node .pkg { font-weight: bold; }
            .node .chroot, .node .note { fill: #444; }
            .node .skip { fill: #8a5a00; }
            .node rect { stroke-width: 1.5; }
            .node .port { fill: #2a6ebb; }
            .node.srpm rect { fill: #f5f0e6; stroke: #8a6d3b; }
            .node.build rect { fill: #e6f0fa; stroke: #2a6ebb; }
            .node.tests rect { fill: #e9f6ec; stroke: #2e8540; }
            .node.release rect { fill: #f3e9f8; stroke: #7b3fa0; }
            .node.skipped rect { fill: #eeeeee; stroke: #aaaaaa; stroke-dasharray: 4 3; }
            .node.skipped text { fill: #777; }
            .node.implicit rect { stroke-dasharray: 2 2; }
            .node.critical rect { stroke: #d62728; stroke-width: 3; }
            .node, .package { cursor: pointer; }
            .package rect { fill: #eef2f8; stroke: #5b6b86; stroke-width: 1.5; }
            .package.critical rect { stroke: #d62728; stroke-width: 3; }
            .package.skipped rect { fill: #eeeeee; stroke: #aaaaaa; stroke-dasharray: 4 3; }
            .package text { font: 12px "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; fill: #333; white-space: pre; }
            .package .pkg { font-weight: bold; fill: #111; }
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
            table { border-collapse: collapse; margin-top: 10px; font-size: 12px; background: #fff; }
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
            <span><i class="dot"></i>chroot port</span>
            <span><i class="line"></i>srpm → build</span>
            <span><i class="line" style="border-color:#2e8540"></i>build → tests (per chroot)</span>
            <span><i class="line" style="border-top:2px dashed #2a6ebb"></i>depends</span>
            <span><i class="line" style="border-top:3px solid #7b3fa0"></i>release gating</span>
            <span><i class="line" style="border-top:3px solid #d62728"></i>critical path</span>
            </div>
            """;

    /**
     * Selector, fit, zoom and pan (through the SVG's viewBox), folding and the focus highlight; everything else is
     * computed before the page is written.
     */
    /** The script with {@code extra} run in its scope after the first fit (see {@link PlanDrawing#script}). */
    static String script(String extra) {
        int mark = SCRIPT.indexOf(FIT_MARK);
        return SCRIPT.substring(0, mark) + extra + SCRIPT.substring(mark);
    }

    private static final String FIT_MARK = "  if (window.performance && performance.mark) { performance.mark('packit-fit'); }";

    private static final String SCRIPT = """
            (function () {
              var canvas = document.getElementById('canvas');
              var svg = canvas.querySelector('svg.plan:not([hidden])');
              var box = null, scale = 1;
              function each(list, fn) { Array.prototype.forEach.call(list, fn); }
              function apply() {
                svg.setAttribute('viewBox', box.x + ' ' + box.y + ' ' + box.w + ' ' + box.h);
                svg.setAttribute('data-scale', scale.toFixed(4));
              }
              function frame(x, y, w, h, most) {
                var cw = canvas.clientWidth, ch = canvas.clientHeight;
                scale = Math.min(cw / w, ch / h, most);
                box = { w: cw / scale, h: ch / scale };
                box.x = x + (w - box.w) / 2; box.y = y + (h - box.h) / 2;
                apply();
              }
              function fit() { frame(0, 0, +svg.getAttribute('data-width'), +svg.getAttribute('data-height'), 1.25); }
              function zoom(factor, px, py) {
                var cw = canvas.clientWidth, ch = canvas.clientHeight;
                if (px === undefined) { px = cw / 2; py = ch / 2; }
                var x = box.x + px / scale, y = box.y + py / scale;
                scale = Math.max(0.02, Math.min(scale * factor, 8));
                box.w = cw / scale; box.h = ch / scale; box.x = x - px / scale; box.y = y - py / scale;
                apply();
              }
              function fold(key, folded) {
                each(svg.querySelectorAll('[data-group="' + key + '"]'), function (el) {
                  if (el.classList.contains('cover')) { el.classList.toggle('shown', folded); }
                  else if (el.classList.contains('node')) { el.classList.toggle('folded', folded); }
                });
              }
              function foldAll(folded) {
                each(svg.querySelectorAll('.group'), function (g) { fold(g.getAttribute('data-group'), folded); });
              }
              function pressed(selector, attribute, value) {
                each(document.querySelectorAll(selector), function (b) {
                  if (!b.disabled) { b.setAttribute('aria-pressed', String(b.getAttribute(attribute) === value)); }
                });
              }
              function show(view, level) {
                var jobs = document.getElementById('view-' + view + '-jobs');
                if (!jobs) { return; }
                var packages = document.getElementById('view-' + view + '-packages');
                var next = level === 'packages' && packages ? packages : jobs;
                svg.setAttribute('hidden', ''); svg = next; svg.removeAttribute('hidden');
                fit();
                if (!level && packages && scale < 0.45) { return show(view, 'packages'); }
                pressed('[data-show]', 'data-show', view);
                pressed('[data-level]', 'data-level', svg.getAttribute('data-level'));
                each(document.querySelectorAll('[data-level]'), function (b) { b.disabled = !packages; });
                each(document.querySelectorAll('#nodes tr[data-trigger]'), function (row) {
                  row.hidden = view !== 'all' && row.getAttribute('data-trigger') !== view;
                });
              }
              function light(id, seen, dir) {
                if (seen[dir + id]) { return; }
                seen[dir + id] = true;
                var node = svg.querySelector('[data-node="' + id + '"]');
                if (node) { node.classList.add('lit'); }
                each(svg.querySelectorAll('.edge'), function (edge) {
                  var from = edge.getAttribute('data-from'), to = edge.getAttribute('data-to');
                  if (dir !== 'down' && to === id) { edge.classList.add('lit'); light(from, seen, 'up'); }
                  if (dir !== 'up' && from === id) { edge.classList.add('lit'); light(to, seen, 'down'); }
                });
              }
              function focus(id) {
                each(svg.querySelectorAll('.lit'), function (el) { el.classList.remove('lit'); });
                if (!id || svg.getAttribute('data-focus') === id) {
                  svg.classList.remove('focus'); svg.removeAttribute('data-focus'); return;
                }
                svg.setAttribute('data-focus', id); svg.classList.add('focus'); light(id, {}, 'both');
              }
              function open(key) {
                show(svg.getAttribute('data-view'), 'jobs');
                var rect = svg.querySelector('.group[data-group="' + key + '"] .frame');
                frame(+rect.getAttribute('x'), +rect.getAttribute('y'), +rect.getAttribute('width'),
                  +rect.getAttribute('height'), 1);
              }
              if (!svg) { return; }
              var drag = null, moved = false;
              canvas.addEventListener('wheel', function (e) {
                e.preventDefault();
                var r = canvas.getBoundingClientRect();
                zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
              }, { passive: false });
              canvas.addEventListener('pointerdown', function (e) {
                drag = { x: e.clientX, y: e.clientY }; moved = false;
              });
              window.addEventListener('pointermove', function (e) {
                if (!drag) { return; }
                var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
                if (!moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
                moved = true; canvas.classList.add('panning');
                box.x -= dx / scale; box.y -= dy / scale; drag = { x: e.clientX, y: e.clientY }; apply();
              });
              window.addEventListener('pointerup', function () { drag = null; canvas.classList.remove('panning'); });
              canvas.addEventListener('click', function (e) {
                if (moved) { moved = false; return; }
                var target = e.target.closest('.node, .cover, .group-head, .package');
                if (!target) { focus(null); return; }
                if (target.classList.contains('node')) { focus(target.getAttribute('data-node')); return; }
                var key = target.getAttribute('data-group');
                if (target.classList.contains('package')) { open(key); return; }
                fold(key, !target.classList.contains('cover'));
              });
              each(document.querySelectorAll('[data-show]'), function (b) {
                b.addEventListener('click', function () { show(b.getAttribute('data-show')); });
              });
              each(document.querySelectorAll('[data-level]'), function (b) {
                b.addEventListener('click', function () { show(svg.getAttribute('data-view'), b.getAttribute('data-level')); });
              });
              each(document.querySelectorAll('[data-zoom]'), function (b) {
                b.addEventListener('click', function () {
                  var what = b.getAttribute('data-zoom');
                  if (what === 'fit') { fit(); } else { zoom(what === 'in' ? 1.25 : 0.8); }
                });
              });
              each(document.querySelectorAll('[data-fold]'), function (b) {
                b.addEventListener('click', function () { foldAll(b.getAttribute('data-fold') === 'all'); });
              });
              each(document.querySelectorAll('#nodes tr[data-node]'), function (row) {
                row.addEventListener('click', function () {
                  show(svg.getAttribute('data-view'), 'jobs'); focus(row.getAttribute('data-node'));
                });
              });
              window.addEventListener('resize', fit);
              var wanted = location.hash.replace(/^#/, '');
              show(document.getElementById('view-' + wanted + '-jobs') ? wanted : svg.getAttribute('data-view'));
              if (window.performance && performance.mark) { performance.mark('packit-fit'); }
            })();
            """;
}
