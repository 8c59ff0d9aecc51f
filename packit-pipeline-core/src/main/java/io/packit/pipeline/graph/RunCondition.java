package io.packit.pipeline.graph;

import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.Trigger;
import java.util.List;
import java.util.Objects;

/**
 * When a node runs, as the job says: its trigger, the {@code branch} regex, release tag filters,
 * {@code manual_trigger}, {@code require} label gating and {@code packit_instances}. The renderer turns it
 * into a {@code when} block; the planner evaluates it against a concrete event.
 *
 * @param trigger         the job's trigger
 * @param branchRegex     {@code branch} regex (commit: pushed branch; pull request: target branch); empty: any
 *                        (for commits Packit's default is the repository's default branch)
 * @param tagInclude      release: {@code upstream_tag_include} regex; empty: any
 * @param tagExclude      release: {@code upstream_tag_exclude} regex; empty: none
 * @param manual          {@code manual_trigger}: runs only when asked for
 * @param labels          pull request label gating
 * @param packitInstances {@code packit_instances}
 */
public record RunCondition(
        Trigger trigger,
        String branchRegex,
        String tagInclude,
        String tagExclude,
        boolean manual,
        LabelRequirement labels,
        List<String> packitInstances) {
    public RunCondition {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(branchRegex, "branchRegex");
        Objects.requireNonNull(tagInclude, "tagInclude");
        Objects.requireNonNull(tagExclude, "tagExclude");
        Objects.requireNonNull(labels, "labels");
        packitInstances = List.copyOf(packitInstances);
    }

    /**
     * Why a node with this condition does not run for {@code event} under {@code options}; empty when it runs.
     * Regexes match from the start of the branch or tag, as Packit's {@code re.match}. The trigger itself is not
     * checked here (a plan only holds jobs of the event's trigger).
     */
    public String skipReasonFor(Event event, PlanOptions options) {
        return new ConditionCheck(event, options).skipReason(this);
    }
}
