package io.packit.pipeline.jenkins;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.TestResult;
import hudson.tasks.junit.TestResultAction;
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
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Puts the JUnit XML the core made of a Testing Farm request's results into the build's test report, attributed
 * to the stage of the step, without an agent: the XML is written to {@value #DIRECTORY} in the build directory
 * and parsed there, as the {@code junit} step would parse it from a workspace.
 */
final class TestReport {
    /** Where the reports are kept, in the build directory. */
    static final String DIRECTORY = "packit-junit";

    private TestReport() {
    }

    /** Publishes the report of every tests node of {@code ids} that has one. */
    static void publish(Run<?, ?> run, FlowNode stepNode, RunState state, List<NodeId> ids, TaskListener listener)
            throws IOException {
        for (var id : ids) {
            var junit = state.status(id).junit();
            if (id.kind() == NodeKind.TESTS && !junit.isEmpty()) {
                publish(run, stepNode, id, junit, listener);
            }
        }
    }

    private static void publish(Run<?, ?> run, FlowNode stepNode, NodeId id, String junit, TaskListener listener)
            throws IOException {
        var dir = new File(run.getRootDir(), DIRECTORY);
        Files.createDirectories(dir.toPath());
        var file = new File(dir, id.toString().replace(':', '_').replace('@', '_') + ".xml");
        Files.writeString(file.toPath(), junit, StandardCharsets.UTF_8);

        var enclosing = JUnitResultsStepExecution.getEnclosingStagesAndParallels(stepNode);
        var details = new PipelineTestDetails();
        details.setNodeId(stepNode.getId());
        details.setEnclosingBlocks(JUnitResultsStepExecution.getEnclosingBlockIds(enclosing));
        details.setEnclosingBlockNames(JUnitResultsStepExecution.getEnclosingBlockNames(enclosing));
        var result = new TestResult();
        result.parse(System.currentTimeMillis(), List.of(file), details);
        result.tally();
        synchronized (run) {
            var action = run.getAction(TestResultAction.class);
            if (action == null) {
                run.addAction(new TestResultAction(run, result, listener));
            } else {
                result.freeze(action);
                action.mergeResult(result, listener);
                run.save();
            }
        }
        listener.getLogger().println(id + ": test results recorded (" + result.getTotalCount() + " tests, "
                + result.getFailCount() + " failed)");
    }
}
