package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.packit.pipeline.engine.BuildBoard;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.StepCall;
import io.packit.pipeline.engine.StepDriver;
import io.packit.pipeline.engine.StepProgress;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.steps.StepCatalog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The execution of every packit step. It never blocks the pipeline and, for the steps that talk only to Copr and
 * Testing Farm, holds no executor: each round ({@link StepDriver#advance}) runs on a pool thread and schedules the next one on Jenkins'
 * timer. Its only state is its arguments; the nodes' states and remote ids live in the build's
 * {@link PackitRunAction}, so after a controller restart {@link #onResume} simply starts rounds again and polls
 * what was submitted. {@link #stop} cancels the remote builds and requests. A {@link StepCatalog#CLI} step lends
 * its agent to the build's {@link AgentCliExecutor} before each round.
 *
 * <p>An execution belongs to the controller session it started or resumed in ({@link JenkinsFacade#isOver}):
 * once that Jenkins stops (or, in a same-JVM restart, another one has started and resumed the step) no round of
 * it runs or schedules another, so only the resumed execution polls. While a round runs, the step blocks a safe
 * restart ({@link #blocksRestart}), so a controller restart never cuts a submission between the remote call and
 * the state file. When the board already shows the node skipped as the step starts, the stage is marked skipped
 * before {@link #start} returns ({@link StepDriver#settle}).
 */
final class NodeStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(NodeStepExecution.class.getName());
    /** How often a node waiting for its needs looks at the board again. */
    static final Duration WAIT_POLL = Duration.ofSeconds(5);

    private final String step;
    private final ArrayList<String> nodes;
    private final ArrayList<String> needs;
    private final ArrayList<String> chroots;
    private final String target;
    private final ArrayList<String> cliArgs;

    @CheckForNull
    private transient volatile StepDriver driver;
    @CheckForNull
    private transient volatile ScheduledFuture<?> nextRound;
    private transient volatile boolean stopping;
    /** What the last round said, for the thread dump; not restored after a restart ("starting" until a round). */
    @CheckForNull
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "a status line, set by each round")
    private transient volatile String status;
    private transient boolean completed;
    @CheckForNull
    private transient volatile Jenkins session;
    private transient volatile boolean inRound;

    NodeStepExecution(StepContext context, String step, List<String> nodes, List<String> needs, List<String> chroots,
            String target) {
        this(context, step, nodes, needs, chroots, target, List.of());
    }

    /**
     * A {@link StepCatalog#CLI} execution: its node runs its command line on the step's agent; {@code cliArgs} is the
     * command as the Jenkinsfile wrote it, the program first.
     */
    NodeStepExecution(StepContext context, String step, List<String> nodes, List<String> needs, List<String> chroots,
            String target, List<String> cliArgs) {
        super(context);
        this.step = step;
        this.nodes = new ArrayList<>(nodes);
        this.needs = new ArrayList<>(needs);
        this.chroots = new ArrayList<>(chroots);
        this.target = target;
        this.cliArgs = new ArrayList<>(cliArgs);
    }

    @Override
    public boolean start() {
        session = JenkinsFacade.session();
        if (settledAtStart()) {
            return true;
        }
        schedule(Duration.ZERO);
        return false;
    }

    @Override
    public void onResume() {
        session = JenkinsFacade.session();
        schedule(Duration.ZERO);
    }

    @Override
    public boolean blocksRestart() {
        return inRound;
    }

    /**
     * Ends the step at once, on the CPS VM thread, when the build's board is already open and every node of the
     * step is already skipped: then the stage's skip tag is set as its body starts, as Declarative sets it for a
     * false {@code when}. Reads nothing; anything else is left to the rounds.
     */
    private boolean settledAtStart() {
        try {
            var board = PackitRunAction.boardIfOpen(getContext());
            if (board.isEmpty()) {
                return false;
            }
            var ids = call().resolve(board.get().state());
            var settled = driverOf(board.get()).settle(ids);
            if (settled.isEmpty()) {
                return false;
            }
            var listener = getContext().get(TaskListener.class);
            // the driver reports each change once: what settle reported is printed here, whatever comes next
            settled.get().log().forEach(listener.getLogger()::println);
            if (settled.get().state() != NodeState.SKIPPED) {
                return false;
            }
            SkippedStage.mark(getContext().get(FlowNode.class));
            listener.getLogger().println(settled.get().message());
            status = NodeState.SKIPPED.key();
            if (claimCompletion()) {
                getContext().onSuccess(null);
            }
            return true;
        } catch (Exception | LinkageError e) {
            LOGGER.log(Level.FINE, "could not settle " + step + " " + nodes + " at its start; its rounds will", e);
            return false;
        }
    }

    @Override
    public void stop(Throwable cause) {
        stopping = true;
        var pending = nextRound;
        if (pending != null) {
            pending.cancel(false);
        }
        Computer.threadPoolForRemoting.execute(() -> {
            try {
                var listener = getContext().get(TaskListener.class);
                var board = PackitRunAction.board(getContext());
                var ids = call().resolve(board.state());
                var log = driverOf(board).cancel(ids, "the build was aborted");
                log.forEach(listener.getLogger()::println);
            } catch (Exception | LinkageError e) {
                LOGGER.log(Level.WARNING, "could not cancel the remote work of " + step + " " + nodes, e);
            } finally {
                fail(cause);
            }
        });
    }

    @Override
    public String getStatus() {
        return step + " " + nodes + ": " + (status == null ? "starting" : status);
    }

    private StepCall call() {
        return new StepCall(step, nodes, needs, chroots, target);
    }

    private void schedule(Duration delay) {
        // after Timer.shutdown(), Timer.get() would make a new timer for a controller that is gone
        if (stopping || JenkinsFacade.isOver(session)) {
            return;
        }
        nextRound = Timer.get().schedule(() -> Computer.threadPoolForRemoting.execute(this::round),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        if (stopping || JenkinsFacade.isOver(session)) {
            return;
        }
        inRound = true;
        try {
            var listener = getContext().get(TaskListener.class);
            var board = PackitRunAction.board(getContext());
            var ids = call().resolve(board.state());
            if (StepCatalog.CLI.equals(step)) {
                lendAgent(ids);
            }
            var progress = driverOf(board).advance(ids);
            progress.log().forEach(listener.getLogger()::println);
            if (progress instanceof StepProgress.Pending pending) {
                status = "waiting or running, next look in " + pending.delay().toSeconds() + "s";
                schedule(pending.delay());
            } else {
                finish(board, ids, (StepProgress.Done) progress, listener);
            }
        } catch (Exception | LinkageError e) {
            if (JenkinsFacade.isOver(session)) {
                LOGGER.log(Level.FINE, "round of " + step + " " + nodes + " ended by the controller stopping", e);
                return;
            }
            fail(PackitFailure.of(e));
        } finally {
            inRound = false;
        }
    }

    private void finish(BuildBoard board, List<NodeId> ids, StepProgress.Done done,
            TaskListener listener) throws Exception {
        var run = getContext().get(Run.class);
        var flowNode = getContext().get(FlowNode.class);
        TestReport.publish(run, flowNode, board.state(), ids, listener);
        status = done.state().key();
        if (done.state() == NodeState.FAILED) {
            fail(new AbortException(done.message()));
            return;
        }
        if (done.state() == NodeState.SKIPPED) {
            SkippedStage.mark(flowNode);
            listener.getLogger().println(done.message());
        } else if (!done.message().isEmpty()) {
            listener.getLogger().println(done.message());
        }
        if (claimCompletion()) {
            getContext().onSuccess(null);
        }
    }

    private void fail(Throwable failure) {
        if (claimCompletion()) {
            getContext().onFailure(failure);
        }
    }

    /** Whether this caller ends the step: a round and {@link #stop} may both try, only the first one does. */
    private synchronized boolean claimCompletion() {
        if (completed) {
            return false;
        }
        completed = true;
        return true;
    }

    private void lendAgent(List<NodeId> ids) throws IOException, InterruptedException {
        var context = getContext();
        var cli = PackitRunAction.cli(context);
        for (var id : ids) {
            cli.prepare(id, context.get(Launcher.class), context.get(FilePath.class),
                    PackitRunAction.environment(context), context.get(TaskListener.class), cliArgs);
        }
    }

    private synchronized StepDriver driverOf(BuildBoard board) {
        var current = driver;
        if (current == null) {
            current = board.driver(WAIT_POLL);
            driver = current;
        }
        return current;
    }
}
