package io.packit.pipeline.render;

import io.packit.pipeline.render.JenkinsfileTree.Block;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The declarative-pipeline rules the renderer relies on (jenkins.md §4), checked on a parsed Jenkinsfile: stage
 * names are unique string literals, there is one {@code parallel} level and none below it, each stage has
 * exactly one of {@code steps}/{@code stages}/{@code parallel}, {@code when} holds only known conditions, each
 * {@code steps} holds one call of a {@link StepCatalog} step, and remote-only stages hold no agent.
 */
public final class DeclarativeRules {
    private static final Set<String> STAGE_KEYS = Set.of("agent", "when", "steps", "stages", "parallel");
    private static final Set<String> BODIES = Set.of("steps", "stages", "parallel");

    private final List<String> violations = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int parallels;

    private DeclarativeRules() {
    }

    /** The violations in {@code tree}; empty when it follows every rule. */
    public static List<String> check(JenkinsfileTree tree) {
        var rules = new DeclarativeRules();
        rules.pipeline(tree.pipeline());
        return rules.violations;
    }

    private void pipeline(Block pipeline) {
        if (!pipeline.name().equals("pipeline")) {
            violations.add("top-level block is " + pipeline.name());
        }
        var agent = pipeline.one("agent");
        if (agent.isEmpty() || !agent.get().arguments().get(0).getText().equals("none")) {
            violations.add("pipeline must have 'agent none'");
        }
        pipeline.one("parameters").ifPresent(parameters -> parameters.children().forEach(parameter -> {
            if (!Set.of("string", "booleanParam").contains(parameter.name())) {
                violations.add("unknown parameter type " + parameter.name());
            }
        }));
        pipeline.one("environment").ifPresent(environment -> {
            if (!environment.children().isEmpty()) {
                violations.add("environment holds calls");
            }
        });
        for (var child : pipeline.children()) {
            if (!Set.of("agent", "parameters", "environment", "stages").contains(child.name())) {
                violations.add("unexpected pipeline section " + child.name());
            }
        }
        pipeline.one("stages").ifPresentOrElse(stages -> stages(stages, false),
                () -> violations.add("pipeline has no stages"));
        if (parallels > 1) {
            violations.add(parallels + " parallel blocks; one expected");
        }
        if (!pipeline.others().isEmpty()) {
            violations.add("pipeline holds statements that are not sections");
        }
    }

    private void stages(Block stages, boolean withinParallel) {
        for (var child : stages.children()) {
            if (!child.name().equals("stage")) {
                violations.add("'" + child.name() + "' inside " + stages.name());
                continue;
            }
            stage(child, withinParallel);
        }
        if (!stages.others().isEmpty()) {
            violations.add(stages.name() + " holds statements that are not stages");
        }
    }

    private void stage(Block stage, boolean withinParallel) {
        var name = stage.literalArgument();
        if (name.isEmpty()) {
            violations.add("a stage name is not a string literal");
            return;
        }
        if (!names.add(name.get())) {
            violations.add("duplicate stage name '" + name.get() + "'");
        }
        var bodies = stage.children().stream().filter(child -> BODIES.contains(child.name())).toList();
        if (bodies.size() != 1) {
            violations.add("stage '" + name.get() + "' has " + bodies.size() + " of steps/stages/parallel");
            return;
        }
        for (var child : stage.children()) {
            if (!STAGE_KEYS.contains(child.name())) {
                violations.add("stage '" + name.get() + "' has '" + child.name() + "'");
            }
        }
        stage.one("when").ifPresent(when -> when(when, name.get()));
        var body = bodies.get(0);
        switch (body.name()) {
            case "parallel" -> {
                parallels++;
                if (withinParallel) {
                    violations.add("parallel nested inside parallel at '" + name.get() + "'");
                }
                if (stage.one("agent").isPresent()) {
                    violations.add("stage '" + name.get() + "' has parallel and an agent");
                }
                if (body.children().size() > 255) {
                    violations.add("parallel with " + body.children().size() + " branches");
                }
                stages(body, true);
            }
            case "stages" -> stages(body, withinParallel);
            default -> steps(body, stage, name.get());
        }
    }

    private void when(Block when, String stage) {
        if (when.children().isEmpty() || !when.children().get(0).name().equals("beforeAgent")) {
            violations.add("stage '" + stage + "': when does not start with beforeAgent true");
        }
        conditions(when, stage);
        if (!when.others().isEmpty()) {
            violations.add("stage '" + stage + "': when holds statements that are not conditions");
        }
    }

    private void conditions(Block block, String stage) {
        for (var condition : block.children()) {
            if (!WhenConditions.KNOWN.contains(condition.name())) {
                violations.add("stage '" + stage + "': unknown when condition " + condition.name());
            }
            if (Set.of("not", "allOf", "anyOf").contains(condition.name())) {
                conditions(condition, stage);
            }
        }
    }

    private void steps(Block steps, Block stage, String name) {
        if (steps.children().size() != 1 || !steps.others().isEmpty()) {
            violations.add("stage '" + name + "' has " + steps.children().size() + " steps; one expected");
            return;
        }
        var step = steps.children().get(0).name();
        if (!StepCatalog.STEPS.contains(step) && !step.equals("echo")) {
            violations.add("stage '" + name + "' calls unknown step " + step);
        }
        boolean hasAgent = stage.one("agent").isPresent();
        if (hasAgent != step.equals(StepCatalog.CLI)) {
            violations.add("stage '" + name + "' " + (hasAgent ? "holds an agent but only waits on remote services"
                    : "runs the packit command line without an agent"));
        }
    }
}
