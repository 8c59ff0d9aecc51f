package io.packit.pipeline.jenkins;

import io.packit.pipeline.engine.SkippedStageTags;
import java.io.IOException;
import java.util.ArrayList;
import org.jenkinsci.plugins.pipeline.StageStatus;
import org.jenkinsci.plugins.pipeline.modeldefinition.CommonUtils;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.TagsAction;
import org.jenkinsci.plugins.workflow.actions.ThreadNameAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Shows the stage a step runs in as skipped, exactly as Declarative shows a stage whose {@code when} was false:
 * the tag {@link StageStatus#TAG_NAME} = {@link StageStatus#getSkippedForConditional()} on the stage's body start
 * node and, when a parallel branch is that stage, on the branch's start node ({@link SkippedStageTags} says
 * which). Stage View, Blue Ocean and Pipeline Graph View read this tag.
 */
final class SkippedStage {
    private SkippedStage() {
    }

    /** Marks the innermost stage around {@code stepNode} skipped. */
    static void mark(FlowNode stepNode) throws IOException {
        var nodes = new ArrayList<FlowNode>();
        var blocks = new ArrayList<SkippedStageTags.Block>();
        for (var block : stepNode.iterateEnclosingBlocks()) {
            nodes.add(block);
            blocks.add(describe(block));
        }
        for (var index : SkippedStageTags.toTag(blocks)) {
            tag(nodes.get(index));
        }
    }

    /**
     * A block as {@code CommonUtils.isStageWithOptionalName} sees it: a {@code stage} step's start node (named
     * by its display name, the stage's name on the body start) or a parallel branch (a {@link LabelAction} that
     * is a {@link ThreadNameAction}, named by its thread).
     */
    private static SkippedStageTags.Block describe(FlowNode node) {
        if (!CommonUtils.isStageWithOptionalName().apply(node)) {
            return new SkippedStageTags.Block(SkippedStageTags.Kind.OTHER, node.getDisplayName());
        }
        var thread = node.getAction(ThreadNameAction.class);
        if (thread != null && node.getAction(LabelAction.class) != null) {
            return new SkippedStageTags.Block(SkippedStageTags.Kind.PARALLEL_BRANCH, thread.getThreadName());
        }
        return new SkippedStageTags.Block(SkippedStageTags.Kind.STAGE, node.getDisplayName());
    }

    /** Declarative's {@code Utils.addTagToFlowNode}: adds the tag unless the node already has one of that name. */
    private static void tag(FlowNode node) throws IOException {
        var tags = node.getAction(TagsAction.class);
        if (tags == null) {
            tags = new TagsAction();
            tags.addTag(StageStatus.TAG_NAME, StageStatus.getSkippedForConditional());
            node.addAction(tags);
        } else if (tags.getTagValue(StageStatus.TAG_NAME) == null) {
            tags.addTag(StageStatus.TAG_NAME, StageStatus.getSkippedForConditional());
            node.save();
        }
    }
}
