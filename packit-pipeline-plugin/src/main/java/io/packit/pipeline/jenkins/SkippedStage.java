package io.packit.pipeline.jenkins;

import java.io.IOException;
import org.jenkinsci.plugins.pipeline.StageStatus;
import org.jenkinsci.plugins.pipeline.modeldefinition.CommonUtils;
import org.jenkinsci.plugins.workflow.actions.TagsAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Shows the stage a step runs in as skipped, exactly as Declarative shows a stage whose {@code when} was false:
 * the tag {@link StageStatus#TAG_NAME} = {@link StageStatus#getSkippedForConditional()} on the stage's start node
 * (and on its parallel branch node when the branch is that one stage). Stage View and Pipeline Graph View read
 * this tag.
 */
final class SkippedStage {
    private SkippedStage() {
    }

    /** Marks the innermost stage around {@code stepNode} skipped. */
    static void mark(FlowNode stepNode) throws IOException {
        FlowNode stage = null;
        for (var block : stepNode.iterateEnclosingBlocks()) {
            if (stage == null) {
                if (CommonUtils.isStageWithOptionalName().apply(block)) {
                    stage = block;
                    tag(block);
                }
            } else if (CommonUtils.isStageWithOptionalName().apply(block)) {
                if (CommonUtils.isStageWithOptionalName(stage.getDisplayName()).apply(block)) {
                    tag(block);
                }
                return;
            }
        }
    }

    private static void tag(FlowNode node) throws IOException {
        var tags = node.getPersistentAction(TagsAction.class);
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
