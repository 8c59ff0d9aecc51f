package io.packit.pipeline.render;

import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Plan;
import java.util.ArrayList;

/**
 * Draws a plan as a Mermaid flowchart: one subgraph per package, edges styled by kind (srpm → build solid,
 * build → tests per chroot solid with the chroot as label, {@code depends} dotted, release gating thick),
 * skipped nodes greyed with their reason, the critical path in red. Deterministic text.
 */
public final class MermaidRenderer {
    /** Renders {@code plan}. */
    public String render(Plan plan) {
        var picture = PlanPicture.of(plan);
        var out = new StringBuilder();
        out.append("---\ntitle: ").append(escapeTitle(picture.title())).append("\n---\n");
        out.append("flowchart LR\n");
        out.append("  classDef srpm fill:#f5f0e6,stroke:#8a6d3b\n");
        out.append("  classDef build fill:#e6f0fa,stroke:#2a6ebb\n");
        out.append("  classDef tests fill:#e9f6ec,stroke:#2e8540\n");
        out.append("  classDef release fill:#f3e9f8,stroke:#7b3fa0\n");
        out.append("  classDef skipped fill:#eeeeee,stroke:#aaaaaa,color:#888888,stroke-dasharray:4 3\n");
        out.append("  classDef critical stroke:#d62728,stroke-width:3px\n");
        int group = 0;
        for (var entry : picture.packages().entrySet()) {
            out.append("  subgraph p").append(group++).append("[\"").append(escape(entry.getKey())).append("\"]\n");
            for (var node : entry.getValue()) {
                out.append("    n").append(node.index()).append("[\"").append(label(node)).append("\"]\n");
            }
            out.append("  end\n");
        }
        var critical = new ArrayList<Integer>();
        int link = 0;
        for (var edge : picture.edges()) {
            out.append("  n").append(edge.from().index()).append(' ').append(arrow(edge.kind()));
            var label = edge.label();
            if (!label.isEmpty()) {
                out.append("|\"").append(escape(label)).append("\"|");
            }
            out.append(" n").append(edge.to().index()).append('\n');
            if (edge.critical()) {
                critical.add(link);
            }
            link++;
        }
        if (!critical.isEmpty()) {
            out.append("  linkStyle ");
            for (int i = 0; i < critical.size(); i++) {
                out.append(i == 0 ? "" : ",").append(critical.get(i));
            }
            out.append(" stroke:#d62728,stroke-width:3px\n");
        }
        for (var node : picture.nodes()) {
            out.append("  class n").append(node.index()).append(' ').append(HtmlGraphPage.styleClass(node));
            if (node.critical()) {
                out.append(",critical");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String arrow(EdgeKind kind) {
        return switch (kind) {
            case DEPENDS -> "-.->";
            case RELEASE_GATING -> "==>";
            default -> "-->";
        };
    }

    private static String label(PlanPicture.PictureNode node) {
        var text = new StringBuilder("<b>").append(node.kind().key()).append("</b><br/>").append(escape(node.job()));
        if (!node.chroot().isEmpty()) {
            text.append("<br/>@").append(escape(node.chroot()));
        }
        if (!node.detail().isEmpty()) {
            text.append("<br/><i>").append(escape(node.detail())).append("</i>");
        }
        if (!node.skip().isEmpty()) {
            text.append("<br/>skipped: ").append(escape(node.skip()));
        }
        return text.toString();
    }

    /** Mermaid entity escapes, so that text from packit.yaml can neither end a label nor inject markup. */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '#' -> out.append("#35;");
                case '&' -> out.append("#amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String escapeTitle(String text) {
        return text.replace('\n', ' ').replace(':', ' ');
    }
}
