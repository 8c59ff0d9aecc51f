package io.packit.pipeline.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which of the blocks around a step to tag when the stage the step runs in is to be shown skipped: the rule
 * Declarative follows for a stage whose {@code when} is false (pipeline-model-definition, {@code Utils.markStageWithTag}
 * with the step's flow node). Walking out from the step, every block named like the innermost stage is tagged,
 * whether it is a stage body or a parallel branch, and at most two: the stage itself and, when a parallel branch
 * is that stage, its branch, which is what Pipeline Graph View and Blue Ocean read for a branch. A stage nested in
 * sequential {@code stages} of a branch has another name than the branch, so the branch stays untagged, as in
 * Declarative.
 */
public final class SkippedStageTags {
    /** Declarative tags at most this many blocks. */
    static final int MAX_TAGS = 2;

    private SkippedStageTags() {
    }

    /** What a block around the step is. */
    public enum Kind {
        /** A {@code stage} step's start node; named by its display name (a body start shows the stage name). */
        STAGE,
        /** A parallel branch's start node; named by its thread (branch) name. */
        PARALLEL_BRANCH,
        /** Anything else ({@code parallel} itself, {@code node}, {@code withEnv}, ...). */
        OTHER
    }

    /**
     * One enclosing block.
     *
     * @param kind what it is
     * @param name its name as {@link Kind} says; ignored for {@link Kind#OTHER}
     */
    public record Block(Kind kind, String name) {
        public Block {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The positions in {@code enclosing} (innermost first, as {@code FlowNode.iterateEnclosingBlocks()} gives them)
     * of the blocks to tag; empty when the step runs in no stage.
     */
    public static List<Integer> toTag(List<Block> enclosing) {
        var stage = enclosing.stream().filter(block -> block.kind() == Kind.STAGE).findFirst();
        if (stage.isEmpty()) {
            return List.of();
        }
        var name = stage.get().name();
        var tagged = new ArrayList<Integer>();
        for (int i = 0; i < enclosing.size() && tagged.size() < MAX_TAGS; i++) {
            var block = enclosing.get(i);
            if (block.kind() != Kind.OTHER && block.name().equals(name)) {
                tagged.add(i);
            }
        }
        return List.copyOf(tagged);
    }
}
