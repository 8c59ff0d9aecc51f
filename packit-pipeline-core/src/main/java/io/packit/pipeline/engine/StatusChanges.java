package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;

/** The log lines for what changed in a node's status: its state, each chroot as it ends, each new link. */
final class StatusChanges {
    private StatusChanges() {
    }

    /** What changed from {@code before} (null: nothing reported yet) to {@code after}. */
    static List<String> between(@CheckForNull NodeStatus before, NodeStatus after) {
        var lines = new ArrayList<String>();
        var id = after.id();
        if (before == null || before.state() != after.state() || !before.reason().equals(after.reason())) {
            lines.add(id + ": " + after.state() + (after.reason().isEmpty() ? "" : " (" + after.reason() + ")"));
        }
        after.chroots().forEach((chroot, outcome) -> {
            var earlier = before == null ? null : before.chroots().get(chroot);
            if (!outcome.equals(earlier) && outcome.state().isTerminal()) {
                lines.add(id + " " + chroot + ": " + outcome.state()
                        + (outcome.reason().isEmpty() ? "" : " (" + outcome.reason() + ")")
                        + (outcome.url().isEmpty() ? "" : " " + outcome.url()));
            }
        });
        after.links().forEach((key, url) -> {
            if (before == null || !url.equals(before.links().get(key))) {
                lines.add(id + " " + key + ": " + url);
            }
        });
        return lines;
    }
}
