package io.packit.pipeline.jenkins;

import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.pipeline.JUnitResultsStep;
import hudson.tasks.junit.pipeline.JUnitResultsStepExecution;
import hudson.tasks.test.PipelineTestDetails;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Puts the JUnit XML the core made of a Testing Farm request's results into the build's test report, attributed
 * to the stage of the step, without an agent: the XML is written to {@value #DIRECTORY} in the build directory
 * and recorded from there exactly as the {@code junit} step records a workspace's reports
 * ({@code JUnitResultsStepExecution.run()}): {@code JUnitResultArchiver.parseAndSummarize}, which goes through the
 * configured test result storage and publishes checks, then a failed test marks the step's stage and the build
 * unstable.
 */
final class TestReport {
    /** Where the reports are kept, in the build directory. */
    static final String DIRECTORY = "packit-junit";

    private TestReport() {
    }

    /** Publishes the report of every tests node of {@code ids} that has one. */
    static void publish(Run<?, ?> run, FlowNode stepNode, RunState state, List<NodeId> ids, TaskListener listener)
            throws IOException, InterruptedException {
        for (var id : ids) {
            var junit = state.status(id).junit();
            if (id.kind() == NodeKind.TESTS && !junit.isEmpty()) {
                publish(run, stepNode, id, junit, listener);
            }
        }
    }

    private static void publish(Run<?, ?> run, FlowNode stepNode, NodeId id, String junit, TaskListener listener)
            throws IOException, InterruptedException {
        var dir = new File(run.getRootDir(), DIRECTORY);
        Files.createDirectories(dir.toPath());
        var name = id.toString().replace(':', '_').replace('@', '_') + ".xml";
        Files.writeString(new File(dir, name).toPath(), junit, StandardCharsets.UTF_8);

        var enclosing = JUnitResultsStepExecution.getEnclosingStagesAndParallels(stepNode);
        var details = new PipelineTestDetails();
        details.setNodeId(stepNode.getId());
        details.setEnclosingBlocks(JUnitResultsStepExecution.getEnclosingBlockIds(enclosing));
        details.setEnclosingBlockNames(JUnitResultsStepExecution.getEnclosingBlockNames(enclosing));
        var task = new JUnitResultsStep(name);
        // a request that ran no test is reported by its node's state, not by failing the report
        task.setAllowEmptyResults(true);
        // the launcher is used only by test data publishers, of which this task has none
        var summary = JUnitResultArchiver.parseAndSummarize(task, details, run, new FilePath(dir), null, listener);
        if (summary.getFailCount() > 0) {
            stepNode.addOrReplaceAction(new WarningAction(Result.UNSTABLE)
                    .withMessage(summary.getFailCount() + " tests failed"));
            run.setResult(Result.UNSTABLE);
        }
        listener.getLogger().println(id + ": test results recorded (" + summary.getTotalCount() + " tests, "
                + summary.getFailCount() + " failed)");
    }
}
