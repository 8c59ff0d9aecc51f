package io.packit.pipeline.render;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.graph.Plan;
import java.util.List;
import java.util.Objects;

/**
 * The drawing of a plan that {@code graph --format html} shows (laid out once by {@link PlanLayout}, drawn by
 * {@link PlanSvg}), for a page that shows more than the plan: every box keeps a status line free, and
 * {@link NodeMarks} colour and fill it at each writing without moving a box. A plan of more than one package also
 * gets its packages drawing. The page's CSS and script are the graph page's, so it looks and handles the same.
 */
public final class PlanDrawing {
    /** The key of the one view it draws (element ids {@code view-run-jobs}, {@code view-run-packages}). */
    public static final String VIEW = "run";

    private final PlanPicture picture;
    private final PlanLayout layout;
    @CheckForNull
    private final PackageOverview overview;

    private PlanDrawing(PlanPicture picture, PlanLayout layout, @CheckForNull PackageOverview overview) {
        this.picture = picture;
        this.layout = layout;
        this.overview = overview;
    }

    /** The drawing of every node of {@code plan} (laid out here, once). */
    public static PlanDrawing of(Plan plan) {
        var picture = PlanPicture.of(Objects.requireNonNull(plan, "plan"));
        var overview = picture.packages().size() > 1 ? PackageOverview.of(picture, true) : null;
        return new PlanDrawing(picture, PlanLayout.of(picture, picture.allTriggers(), true), overview);
    }

    /** The plan's title: its config file and event. */
    public String title() {
        return picture.title();
    }

    /** The package names, in plan order. */
    public List<String> packages() {
        return List.copyOf(picture.packages().keySet());
    }

    /** The key of node {@code id} in the drawing ({@code data-node} of its box, {@code n} and its plan index). */
    public String nodeKey(io.packit.pipeline.graph.NodeId id) {
        return picture.nodes().stream().filter(node -> node.id().equals(id)).findFirst().map(PlanLayout::nodeKey)
                .orElseThrow(() -> new IllegalArgumentException("node " + id + " is not in the plan"));
    }

    /** The layout (where each box is). */
    public PlanLayout layout() {
        return layout;
    }

    /** Writes the arrowheads, the jobs drawing (shown) and the packages drawing (hidden) with {@code marks}. */
    public void write(StringBuilder out, NodeMarks marks) {
        PlanSvg.markers(out);
        PlanSvg.draw(out, VIEW, layout, true, marks);
        if (overview != null) {
            PlanSvg.drawOverview(out, VIEW, overview, false, marks);
        }
    }

    /** Writes the graph page's zoom, level and fold buttons (the script handles them). */
    public static void controls(StringBuilder out) {
        HtmlGraphPage.viewControls(out);
    }

    /** The graph page's CSS. */
    public static String css() {
        return HtmlGraphPage.CSS;
    }

    /**
     * The graph page's script (fit, zoom, pan, fold, focus, the jobs and packages levels) with {@code extra} run in
     * its scope after the first fit, before it marks {@code packit-fit}: {@code extra} may use its functions
     * ({@code show}, {@code fold}, {@code apply}) and variables ({@code svg}, {@code box}, {@code scale}).
     */
    public static String script(String extra) {
        return HtmlGraphPage.script(extra);
    }

    /** {@code text} escaped for HTML text and attribute values. */
    public static String escape(String text) {
        return HtmlGraphPage.escape(text);
    }
}
