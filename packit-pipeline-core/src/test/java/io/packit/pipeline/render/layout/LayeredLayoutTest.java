package io.packit.pipeline.render.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The layered layout keeps its promises on hand-made and random grouped DAGs. */
class LayeredLayoutTest {
    private final LayeredLayout layout = new LayeredLayout();

    /** Three groups in a chain, a box with two ports on its east side, edges within and between groups. */
    static LayoutGraph lanes() {
        var groups = List.of(new LayoutGraph.Group("a", 20), new LayoutGraph.Group("b", 20), new LayoutGraph.Group("c", 35));
        var boxes = new ArrayList<LayoutGraph.Box>();
        for (var group : List.of("a", "b", "c")) {
            boxes.add(box(group + "1", group, 60));
            boxes.add(new LayoutGraph.Box(group + "2", group, 200, 90, List.of(in(), out(),
                    new LayoutGraph.Port("x", Side.EAST, 50), new LayoutGraph.Port("y", Side.EAST, 65))));
            boxes.add(box(group + "3", group, 50));
            boxes.add(box(group + "4", group, 50));
        }
        var edges = new ArrayList<LayoutGraph.Link>();
        for (var group : List.of("a", "b", "c")) {
            edges.add(link(group + "1", "out", group + "2"));
            edges.add(link(group + "2", "x", group + "3"));
            edges.add(link(group + "2", "y", group + "4"));
        }
        edges.add(link("a2", "out", "b1"));
        edges.add(link("a2", "out", "c1"));
        edges.add(link("b2", "out", "c1"));
        return new LayoutGraph(groups, boxes, edges);
    }

    static Stream<LayoutGraph> graphs() {
        return Stream.concat(Stream.of(lanes()), IntStream.range(0, 12).mapToObj(LayeredLayoutTest::random));
    }

    /** A random DAG of up to 40 boxes in up to 6 groups (some boxes in none), edges from lower to higher index. */
    static LayoutGraph random(int seed) {
        var random = new Random(seed);
        int groupCount = 1 + random.nextInt(6);
        var groups = new ArrayList<LayoutGraph.Group>();
        for (int g = 0; g < groupCount; g++) {
            groups.add(new LayoutGraph.Group("g" + g, random.nextInt(3) * 15));
        }
        int count = 2 + random.nextInt(39);
        var boxes = new ArrayList<LayoutGraph.Box>();
        for (int i = 0; i < count; i++) {
            var group = random.nextInt(8) == 0 ? "" : "g" + random.nextInt(groupCount);
            boxes.add(box("n" + i, group, 30 + random.nextInt(80)));
        }
        var edges = new ArrayList<LayoutGraph.Link>();
        for (int i = 1; i < count; i++) {
            int fan = random.nextInt(3);
            for (int k = 0; k < fan; k++) {
                edges.add(new LayoutGraph.Link("e" + edges.size(), "n" + random.nextInt(i), "out", "n" + i, "in"));
            }
        }
        return new LayoutGraph(groups, boxes, edges);
    }

    @ParameterizedTest
    @MethodSource("graphs")
    void shouldStartAndEndEveryRouteOnItsPortsWithStraightOrthogonalPieces(LayoutGraph graph) {
        var result = layout.layout(graph);
        var boxes = result.boxesById();
        var ports = new HashMap<String, LayoutGraph.Port>();
        graph.boxes().forEach(box -> box.ports().forEach(port -> ports.put(box.id() + "." + port.id(), port)));

        assertThat(result.routes()).hasSameSizeAs(graph.edges());
        for (int i = 0; i < graph.edges().size(); i++) {
            var link = graph.edges().get(i);
            var route = result.routes().get(i);
            assertThat(route.id()).isEqualTo(link.id());
            assertThat(route.from()).isEqualTo(link.from());
            assertThat(route.to()).isEqualTo(link.to());
            assertThat(route.points().get(0)).isEqualTo(at(boxes.get(link.from()), ports.get(link.from() + "." + link.fromPort())));
            assertThat(route.points().get(route.points().size() - 1))
                    .isEqualTo(at(boxes.get(link.to()), ports.get(link.to() + "." + link.toPort())));
            for (int p = 1; p < route.points().size(); p++) {
                var a = route.points().get(p - 1);
                var b = route.points().get(p);
                assertThat(a.x() == b.x() || a.y() == b.y()).as("%s piece %s → %s is orthogonal", route.id(), a, b).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("graphs")
    void shouldKeepBoxesInTheirGroupsApartAndEdgesAroundThem(LayoutGraph graph) {
        var result = layout.layout(graph);
        var frames = result.groupsById();
        var boxes = result.boxes();

        for (var box : graph.boxes()) {
            var placed = result.boxesById().get(box.id());
            assertThat(placed.width()).isEqualTo(box.width());
            assertThat(placed.height()).isEqualTo(box.height());
            assertThat(new GraphLayout.Frame("all", 0, 0, result.width(), result.height()).contains(placed)).isTrue();
            if (!box.group().isEmpty()) {
                assertThat(frames.get(box.group()).contains(placed)).as("%s inside %s", box.id(), box.group()).isTrue();
            }
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(overlap(boxes.get(i), boxes.get(j))).as("%s and %s", boxes.get(i), boxes.get(j)).isFalse();
            }
        }
        var groups = result.groups();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                assertThat(overlap(groups.get(i), groups.get(j))).as("%s and %s", groups.get(i), groups.get(j)).isFalse();
            }
        }
        assertThat(Crossings.of(result).throughBoxes()).isZero();
    }

    @ParameterizedTest
    @MethodSource("graphs")
    void shouldGiveTheSameLayoutForTheSameGraph(LayoutGraph graph) {
        assertThat(new LayeredLayout().layout(graph)).isEqualTo(layout.layout(graph));
    }

    @Test
    void shouldPutAGroupAfterTheGroupsItWaitsFor() {
        var down = layout.layout(lanes(), LayeredLayout.Flow.DOWN).groupsById();
        var right = layout.layout(lanes(), LayeredLayout.Flow.RIGHT).groupsById();

        assertThat(down.get("b").y()).isGreaterThanOrEqualTo(down.get("a").y() + down.get("a").height());
        assertThat(down.get("c").y()).isGreaterThanOrEqualTo(down.get("b").y() + down.get("b").height());
        assertThat(right.get("b").x()).isGreaterThanOrEqualTo(right.get("a").x() + right.get("a").width());
        assertThat(right.get("c").x()).isGreaterThanOrEqualTo(right.get("b").x() + right.get("b").width());
    }

    @Test
    void shouldDrawTheChainsOfTheLanesWithoutCrossings() {
        assertThat(Crossings.of(layout.layout(lanes()))).isEqualTo(new Crossings(0, 0, 12));
    }

    @Test
    void shouldRefuseEdgesToUnknownPortsAndTwiceUsedIds() {
        var box = box("a", "", 40);
        assertThatThrownBy(() -> new LayoutGraph(List.of(), List.of(box, box("b", "", 40)), List.of(link("a", "nope", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.nope");
        assertThatThrownBy(() -> new LayoutGraph(List.of(), List.of(box, box), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("box a twice");
        assertThatThrownBy(() -> new LayoutGraph(List.of(), List.of(box("a", "g", 40)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown group g");
    }

    @Test
    void shouldCountCrossingsAndEdgesThroughBoxes() {
        var boxes = List.of(new GraphLayout.Frame("a", 0, 0, 10, 10), new GraphLayout.Frame("b", 100, 0, 10, 10),
                new GraphLayout.Frame("m", 40, 40, 20, 20));
        var routes = List.of(
                new GraphLayout.Route("h", "a", "b", List.of(new GraphLayout.Point(10, 50), new GraphLayout.Point(100, 50))),
                new GraphLayout.Route("v", "a", "b", List.of(new GraphLayout.Point(80, 0), new GraphLayout.Point(80, 100))),
                new GraphLayout.Route("touch", "a", "b", List.of(new GraphLayout.Point(0, 100), new GraphLayout.Point(80, 100))));

        assertThat(Crossings.of(new GraphLayout(200, 200, List.of(), boxes, routes))).isEqualTo(new Crossings(1, 1, 3));
    }

    private static GraphLayout.Point at(GraphLayout.Frame box, LayoutGraph.Port port) {
        return new GraphLayout.Point(port.side() == Side.WEST ? box.x() : box.x() + box.width(), box.y() + port.offset());
    }

    private static boolean overlap(GraphLayout.Frame a, GraphLayout.Frame b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    private static LayoutGraph.Box box(String id, String group, double height) {
        return new LayoutGraph.Box(id, group, 120, height, List.of(in(), out()));
    }

    private static LayoutGraph.Port in() {
        return new LayoutGraph.Port("in", Side.WEST, 10);
    }

    private static LayoutGraph.Port out() {
        return new LayoutGraph.Port("out", Side.EAST, 10);
    }

    private static LayoutGraph.Link link(String from, String port, String to) {
        return new LayoutGraph.Link(from + ">" + to, from, port, to, "in");
    }
}
