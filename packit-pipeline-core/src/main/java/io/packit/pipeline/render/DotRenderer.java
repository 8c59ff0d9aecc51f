package io.packit.pipeline.render;

import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Plan;

/**
 * Draws a plan as Graphviz DOT: one cluster per package, edges styled by kind (srpm → build solid grey,
 * build → tests per chroot solid with the chroot as label, {@code depends} dashed blue, release gating bold purple),
 * skipped nodes greyed with their reason, the critical path in red. Deterministic text.
 */
public final class DotRenderer {
    /** Renders {@code plan}. */
    public String render(Plan plan) {
        var picture = PlanPicture.of(plan);
        var out = new StringBuilder();
        out.append("digraph plan {\n");
        out.append("  label=").append(quote(picture.title() + " (critical path " + picture.critical() + ")"))
                .append(";\n  labelloc=t;\n  rankdir=LR;\n  compound=true;\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        int cluster = 0;
        for (var entry : picture.packages().entrySet()) {
            out.append("  subgraph cluster_").append(cluster++).append(" {\n");
            out.append("    label=").append(quote(entry.getKey())).append(";\n    style=rounded;\n    color=\"#bbbbbb\";\n");
            for (var node : entry.getValue()) {
                out.append("    ").append(quote(node.id().toString())).append(" [label=").append(quote(label(node)))
                        .append(", fillcolor=").append(quote(fill(node)));
                if (!node.skip().isEmpty()) {
                    out.append(", fontcolor=\"#888888\", color=\"#aaaaaa\", style=\"rounded,filled,dashed\"");
                } else if (node.critical()) {
                    out.append(", color=\"#d62728\", penwidth=3");
                }
                out.append(", tooltip=").append(quote(node.id().toString()));
                out.append("];\n");
            }
            out.append("  }\n");
        }
        for (var edge : picture.edges()) {
            out.append("  ").append(quote(edge.from().id().toString())).append(" -> ")
                    .append(quote(edge.to().id().toString())).append(" [");
            var label = edge.label();
            out.append("label=").append(quote(label)).append(", ").append(style(edge.kind()));
            if (edge.critical()) {
                out.append(", color=\"#d62728\", penwidth=3");
            }
            out.append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String style(EdgeKind kind) {
        return switch (kind) {
            case SRPM_TO_BUILD -> "color=\"#777777\"";
            case BUILD_TO_TESTS -> "color=\"#2e8540\"";
            case DEPENDS -> "style=dashed, color=\"#2a6ebb\"";
            case RELEASE_GATING -> "style=bold, color=\"#7b3fa0\"";
        };
    }

    private static String fill(PlanPicture.PictureNode node) {
        if (!node.skip().isEmpty()) {
            return "#eeeeee";
        }
        return switch (HtmlGraphPage.styleClass(node)) {
            case "srpm" -> "#f5f0e6";
            case "build" -> "#e6f0fa";
            case "tests" -> "#e9f6ec";
            default -> "#f3e9f8";
        };
    }

    private static String label(PlanPicture.PictureNode node) {
        var text = new StringBuilder(node.kind().key()).append('\n').append(node.job());
        if (!node.chroot().isEmpty()) {
            text.append("\n@").append(node.chroot());
        }
        if (!node.detail().isEmpty()) {
            text.append('\n').append(node.detail());
        }
        if (!node.skip().isEmpty()) {
            text.append("\nskipped: ").append(node.skip());
        }
        return text.toString();
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, newlines as {@code \n}. */
    static String quote(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
