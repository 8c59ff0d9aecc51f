package io.packit.pipeline.render;

import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.layout.GraphLayout;
import io.packit.pipeline.render.layout.LayeredLayout;
import io.packit.pipeline.render.layout.LayoutGraph;
import io.packit.pipeline.render.layout.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layout of a plan, or of the part of it one trigger runs: a box per node, sized for its {@link NodeLabel}, a
 * frame per package around its nodes, and a route per edge, computed by {@link LayeredLayout}. Build → tests edges
 * leave their build by the port of their chroot (the chroot's line in the build's box); every other edge leaves by
 * the box's first line and enters by it. This is what the HTML page draws; a page that draws the same plan (a run's
 * progress) takes the same layout and so looks the same.
 */
public final class PlanLayout {
    /** The port every box has on its west side, for edges coming in. */
    static final String IN = "in";
    /** The port every box has on its east side, for whole-node edges going out. */
    static final String OUT = "out";
    /** Characters of a package's name per header line. */
    static final int GROUP_CHARS = NodeLabel.CHARS + 2;

    private final PlanPicture picture;
    private final Map<Integer, NodeLabel> labels;
    private final Map<String, List<String>> headers;
    private final GraphLayout geometry;

    private PlanLayout(PlanPicture picture, Map<Integer, NodeLabel> labels, Map<String, List<String>> headers,
            GraphLayout geometry) {
        this.picture = picture;
        this.labels = labels;
        this.headers = headers;
        this.geometry = geometry;
    }

    /** The layout of what {@code plan} runs on {@code trigger}; empty: of the whole plan. */
    public static PlanLayout of(Plan plan, Optional<Trigger> trigger) {
        return of(PlanPicture.of(plan).only(trigger), trigger.isEmpty());
    }

    /**
     * The layout of {@code picture}; {@code everyTrigger}: it mixes triggers, so each node of a plan made for every
     * trigger says its trigger (else only the conditions beyond it: branch, tags, manual, labels).
     */
    static PlanLayout of(PlanPicture picture, boolean everyTrigger) {
        return of(picture, everyTrigger, false);
    }

    /** As {@link #of(PlanPicture, boolean)}; {@code statusLine}: every box keeps a line for {@link NodeMarks#status}. */
    static PlanLayout of(PlanPicture picture, boolean everyTrigger, boolean statusLine) {
        var labels = new HashMap<Integer, NodeLabel>();
        var headers = new LinkedHashMap<String, List<String>>();
        var groups = new ArrayList<LayoutGraph.Group>();
        for (var name : picture.packages().keySet()) {
            var header = NodeLabel.wrap(name, GROUP_CHARS);
            headers.put(name, header);
            groups.add(new LayoutGraph.Group(groupKey(picture, name), header.size() * NodeLabel.LINE_HEIGHT + 4));
        }
        var boxes = new ArrayList<LayoutGraph.Box>();
        for (var node : picture.nodes()) {
            var label = NodeLabel.of(node, !picture.allTriggers() ? NodeLabel.When.NEVER
                    : everyTrigger ? NodeLabel.When.ALWAYS : NodeLabel.When.BEYOND_TRIGGER, statusLine);
            labels.put(node.index(), label);
            var ports = new ArrayList<LayoutGraph.Port>();
            ports.add(new LayoutGraph.Port(IN, Side.WEST, NodeLabel.middleOf(0)));
            ports.add(new LayoutGraph.Port(OUT, Side.EAST, NodeLabel.middleOf(0)));
            for (int i = 0; i < label.lines().size(); i++) {
                var chroot = label.lines().get(i).chroot();
                if (!chroot.isEmpty()) {
                    ports.add(new LayoutGraph.Port(chrootPort(chroot), Side.EAST, NodeLabel.middleOf(i)));
                }
            }
            boxes.add(new LayoutGraph.Box(nodeKey(node), groupKey(picture, node.packageName()), NodeLabel.WIDTH,
                    label.height(), ports));
        }
        var links = new ArrayList<LayoutGraph.Link>();
        for (int i = 0; i < picture.edges().size(); i++) {
            var edge = picture.edges().get(i);
            var from = labels.get(edge.from().index());
            var port = edge.chroots().size() == 1
                    && from.lines().stream().anyMatch(line -> line.chroot().equals(edge.chroots().get(0)))
                    ? chrootPort(edge.chroots().get(0)) : OUT;
            links.add(new LayoutGraph.Link(edgeKey(i), nodeKey(edge.from()), port, nodeKey(edge.to()), IN));
        }
        var geometry = new LayeredLayout().layout(new LayoutGraph(groups, boxes, links));
        return new PlanLayout(picture, Map.copyOf(labels), headers, geometry);
    }

    /** The geometry: boxes keyed {@code n<index>}, frames {@code p<index>}, routes {@code e<index>}. */
    public GraphLayout geometry() {
        return geometry;
    }

    /** The box of node {@code id}, if it is in this layout. */
    public Optional<GraphLayout.Frame> box(NodeId id) {
        return picture.nodes().stream().filter(node -> node.id().equals(id)).findFirst()
                .map(node -> geometry.boxesById().get(nodeKey(node)));
    }

    /** The frame of every package in this layout, by package name, in plan order. */
    public Map<String, GraphLayout.Frame> packages() {
        var frames = geometry.groupsById();
        var byName = new LinkedHashMap<String, GraphLayout.Frame>();
        picture.packages().keySet().forEach(name -> byName.put(name, frames.get(groupKey(picture, name))));
        return byName;
    }

    /** How many nodes it lays out. */
    public int nodeCount() {
        return picture.nodes().size();
    }

    PlanPicture picture() {
        return picture;
    }

    NodeLabel label(PlanPicture.PictureNode node) {
        return labels.get(node.index());
    }

    /** The lines of a package's header. */
    List<String> header(String packageName) {
        return headers.get(packageName);
    }

    static String nodeKey(PlanPicture.PictureNode node) {
        return "n" + node.index();
    }

    static String edgeKey(int index) {
        return "e" + index;
    }

    private static String groupKey(PlanPicture picture, String packageName) {
        return groupKey(List.copyOf(picture.packages().keySet()), packageName);
    }

    /** The key of package {@code name} among {@code names}: {@code p} and its index. */
    static String groupKey(List<String> names, String name) {
        return "p" + names.indexOf(name);
    }

    private static String chrootPort(String chroot) {
        return "chroot:" + chroot;
    }
}
