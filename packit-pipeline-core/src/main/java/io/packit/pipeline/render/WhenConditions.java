package io.packit.pipeline.render;

import static io.packit.pipeline.render.GroovyWriter.literal;

import io.packit.pipeline.graph.RunCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node's {@link RunCondition} as the conditions of a declarative {@code when} block (all must hold):
 * pull_request → {@code changeRequest} (with {@code target} as a regex when {@code branch} is set), commit →
 * not a change request, not a tag, and {@code branch} as a regex when set, release → {@code buildingTag()} or
 * {@code tag} with the include/exclude regexes, {@code manual_trigger} (and the triggers Jenkins has no event for:
 * koji_build, ignore) → the job's boolean build parameter. Pull-request label gating and
 * {@code packit_instances} have no Jenkins counterpart and are not rendered.
 */
final class WhenConditions {
    /** The conditions the renderer may write, by their leading word (the structural check uses the same list). */
    static final List<String> KNOWN = List.of("beforeAgent", "changeRequest", "branch", "buildingTag", "tag", "not",
            "expression", "allOf", "anyOf");

    private WhenConditions() {
    }

    /** The lines inside {@code when { ... }}; the first is always {@code beforeAgent true}. */
    static List<String> of(RunCondition condition, Optional<String> manualParameter) {
        var lines = new ArrayList<String>();
        lines.add("beforeAgent true");
        switch (condition.trigger()) {
            case PULL_REQUEST -> lines.add(condition.branchRegex().isEmpty()
                    ? "changeRequest()"
                    : "changeRequest target: " + literal(condition.branchRegex()) + ", comparator: 'REGEXP'");
            case COMMIT -> {
                lines.add("not { changeRequest() }");
                lines.add("not { buildingTag() }");
                if (!condition.branchRegex().isEmpty()) {
                    lines.add("branch pattern: " + literal(condition.branchRegex()) + ", comparator: 'REGEXP'");
                }
            }
            case RELEASE -> {
                lines.add(condition.tagInclude().isEmpty()
                        ? "buildingTag()"
                        : "tag pattern: " + literal(condition.tagInclude()) + ", comparator: 'REGEXP'");
                if (!condition.tagExclude().isEmpty()) {
                    lines.add("not { tag pattern: " + literal(condition.tagExclude()) + ", comparator: 'REGEXP' }");
                }
            }
            default -> {
                // koji_build and ignore: no Jenkins event; the job runs only when its parameter is ticked
            }
        }
        manualParameter.ifPresent(name -> lines.add("expression { params[" + literal(name) + "] == true }"));
        return List.copyOf(lines);
    }

    /** Whether the node runs only when asked for through its boolean build parameter. */
    static boolean needsParameter(RunCondition condition) {
        return condition.manual() || switch (condition.trigger()) {
            case PULL_REQUEST, COMMIT, RELEASE -> false;
            default -> true;
        };
    }
}
