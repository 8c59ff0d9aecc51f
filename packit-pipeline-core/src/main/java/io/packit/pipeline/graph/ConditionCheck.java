package io.packit.pipeline.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether a {@link RunCondition} holds for an event, with the reason when it does not. Regexes are
 * matched from the start of the text, as Packit's Python {@code re.match} does, and compiled once per check.
 */
final class ConditionCheck {
    private final Event event;
    private final PlanOptions options;
    private final Map<String, Pattern> patterns = new HashMap<>();

    ConditionCheck(Event event, PlanOptions options) {
        this.event = Objects.requireNonNull(event, "event");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Whether a job with {@code trigger} belongs in a plan for the event at all. */
    boolean plansTrigger(io.packit.pipeline.config.Trigger trigger) {
        if (trigger == io.packit.pipeline.config.Trigger.IGNORE) {
            return false;
        }
        return event.trigger().map(trigger::equals).orElse(true);
    }

    /**
     * Empty when {@code condition} holds for the event; else why not. For {@link Event.AllTriggers} only
     * {@code packit_instances} is judged (the deployment is known); the rest stays in the node's condition.
     */
    String skipReason(RunCondition condition) {
        var instance = options.packitInstance();
        if (!instance.isEmpty() && !condition.packitInstances().isEmpty()
                && !condition.packitInstances().contains(instance)) {
            return "packit_instances " + condition.packitInstances() + " does not include '" + instance + "'";
        }
        if (condition.manual() && !options.runManual() && !(event instanceof Event.AllTriggers)) {
            return "manual job not requested";
        }
        if (event instanceof Event.PullRequest pullRequest) {
            var regex = condition.branchRegex();
            if (!regex.isEmpty() && !matchesFromStart(regex, pullRequest.targetBranch())) {
                return "target branch '" + pullRequest.targetBranch() + "' does not match branch '" + regex + "'";
            }
            if (!condition.labels().isSatisfiedBy(pullRequest.labels())) {
                return "labels " + pullRequest.labels() + " do not meet require.label (present: "
                        + condition.labels().present() + ", absent: " + condition.labels().absent() + ")";
            }
        } else if (event instanceof Event.Commit commit) {
            var regex = condition.branchRegex();
            if (regex.isEmpty()) {
                var defaultBranch = options.defaultBranch();
                if (!defaultBranch.isEmpty() && !defaultBranch.equals(commit.branch())) {
                    return "branch '" + commit.branch() + "' is not the default branch '" + defaultBranch + "'";
                }
            } else if (!matchesFromStart(regex, commit.branch())) {
                return "branch '" + commit.branch() + "' does not match branch '" + regex + "'";
            }
        } else if (event instanceof Event.Release release) {
            var include = condition.tagInclude();
            if (!include.isEmpty() && !matchesFromStart(include, release.tag())) {
                return "tag '" + release.tag() + "' does not match upstream_tag_include '" + include + "'";
            }
            var exclude = condition.tagExclude();
            if (!exclude.isEmpty() && matchesFromStart(exclude, release.tag())) {
                return "tag '" + release.tag() + "' matches upstream_tag_exclude '" + exclude + "'";
            }
        }
        return "";
    }

    /** Whether {@code regex} compiles. */
    static boolean isValidRegex(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException invalid) {
            return false;
        }
    }

    private boolean matchesFromStart(String regex, String text) {
        var pattern = patterns.computeIfAbsent(regex, ConditionCheck::compileLenient);
        return pattern.matcher(text).lookingAt();
    }

    private static Pattern compileLenient(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            return Pattern.compile(Pattern.quote(regex));
        }
    }
}
