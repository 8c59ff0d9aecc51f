package io.packit.pipeline.render;

import io.packit.pipeline.graph.NodeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a node's box, line by line, wrapped (never cut) to a fixed number of characters of a monospace font,
 * so its size is known without a browser: the package, the kind and job, the chroot (tests) or one line per chroot
 * (builds, each with its own port on the right), the Testing Farm target, when it runs, and why it is skipped.
 *
 * @param lines the lines, top to bottom
 */
record NodeLabel(List<Line> lines) {
    /** Characters per line. */
    static final int CHARS = 30;
    /** Advance of one character at the label's font size (12 px monospace: 0.6 em, with room for wider fonts). */
    static final double CHAR_WIDTH = 7.3;
    static final double LINE_HEIGHT = 15;
    static final double PAD_X = 8;
    static final double PAD_Y = 5;
    /** The width of every node box. */
    static final double WIDTH = CHARS * CHAR_WIDTH + 2 * PAD_X;

    /** The styles of a line, as CSS classes. */
    enum Style {
        PACKAGE("pkg"),
        JOB("job"),
        CHROOT("chroot"),
        NOTE("note"),
        SKIP("skip"),
        /** A line kept free for a page that marks the node (a run's state); empty in the plan's own drawing. */
        STATUS("status");

        private final String css;

        Style(String css) {
            this.css = css;
        }

        /** The CSS class. */
        String css() {
            return css;
        }
    }

    /**
     * One line.
     *
     * @param text   what it says
     * @param style  how it looks
     * @param chroot the build chroot whose port sits on this line, else empty
     */
    record Line(String text, Style style, String chroot) {
    }

    NodeLabel {
        lines = List.copyOf(lines);
    }

    /** Whether a label says when its node runs. */
    enum When {
        /** Not at all (a plan for one event). */
        NEVER,
        /** Only conditions beyond the trigger (a drawing of one trigger): branch, tags, manual, labels. */
        BEYOND_TRIGGER,
        /** The trigger and its conditions (a drawing of every trigger). */
        ALWAYS
    }

    static NodeLabel of(PlanPicture.PictureNode node, When when) {
        return of(node, when, false);
    }

    /** The label of {@code node}; {@code statusLine}: with a {@link Style#STATUS} line below the job's. */
    static NodeLabel of(PlanPicture.PictureNode node, When when, boolean statusLine) {
        var lines = new ArrayList<Line>();
        add(lines, node.packageName(), Style.PACKAGE);
        add(lines, node.kind().key() + " " + node.job(), Style.JOB);
        if (statusLine) {
            lines.add(new Line("", Style.STATUS, ""));
        }
        if (node.kind() == NodeKind.COPR_BUILD && node.chroots().isEmpty()
                && node.detail().startsWith(PlanPicture.PROJECT_CHROOTS)) {
            add(lines, "in " + PlanPicture.PROJECT_CHROOTS, Style.NOTE);
        } else if (node.kind() == NodeKind.COPR_BUILD) {
            for (var chroot : node.chroots()) {
                var parts = wrap(chroot);
                for (int i = 0; i < parts.size(); i++) {
                    lines.add(new Line(parts.get(i), Style.CHROOT, i == 0 ? chroot : ""));
                }
            }
        } else if (!node.chroot().isEmpty()) {
            add(lines, "@" + node.chroot(), Style.CHROOT);
        }
        if (!node.target().isEmpty()) {
            add(lines, "on " + node.target(), Style.NOTE);
        }
        if (node.implicit()) {
            add(lines, "implicit (tests without a copr_build job)", Style.NOTE);
        }
        var trigger = node.trigger().key();
        if (when == When.ALWAYS) {
            add(lines, "when " + node.when(), Style.NOTE);
        } else if (when == When.BEYOND_TRIGGER && node.when().startsWith(trigger + ", ")) {
            add(lines, "when " + node.when().substring(trigger.length() + 2), Style.NOTE);
        }
        if (!node.skip().isEmpty()) {
            add(lines, "skipped: " + node.skip(), Style.SKIP);
        }
        return new NodeLabel(lines);
    }

    /** The box's height. */
    double height() {
        return 2 * PAD_Y + lines.size() * LINE_HEIGHT;
    }

    /** The vertical middle of line {@code index}, from the box's top (where a port on that line sits). */
    static double middleOf(int index) {
        return PAD_Y + index * LINE_HEIGHT + LINE_HEIGHT / 2;
    }

    /** The baseline of line {@code index}, from the box's top. */
    static double baselineOf(int index) {
        return PAD_Y + index * LINE_HEIGHT + 11.5;
    }

    private static void add(List<Line> lines, String text, Style style) {
        wrap(text).forEach(part -> lines.add(new Line(part, style, "")));
    }

    /**
     * {@code text} in lines of at most {@link #CHARS} characters, broken after a space, {@code -}, {@code _},
     * {@code :}, {@code ,}, {@code /}, {@code .} or {@code @} where one is near the end of the line, else anywhere.
     */
    static List<String> wrap(String text) {
        return wrap(text, CHARS);
    }

    static List<String> wrap(String text, int width) {
        var parts = new ArrayList<String>();
        var rest = text;
        while (rest.length() > width) {
            int cut = width;
            for (int i = width; i > width * 2 / 3; i--) {
                if (" -_:,/.@".indexOf(rest.charAt(i - 1)) >= 0) {
                    cut = i;
                    break;
                }
            }
            if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut--;
            }
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
