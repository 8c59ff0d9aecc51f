package io.packit.pipeline.jenkins;

import hudson.EnvVars;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.packit.pipeline.engine.BuildBoard;
import io.packit.pipeline.render.RuntimePipeline;
import io.packit.pipeline.steps.StepCatalog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jenkins.scm.api.SCMRevisionAction;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The packit state of one build: the {@code .packit.yaml} it runs (read once, from the trusted revision) and the
 * engine's board with every node's state, which all the build's packit steps share. A step with needs waits on
 * this board; when a need fails, the node is skipped with the root cause.
 *
 * <p>Only strings are kept in {@code build.xml} (Jenkins' XStream cannot read records back); the node states and
 * remote ids are written by the core to {@value #STATE_FILE} in the build's directory on every change, and the
 * board is rebuilt from both after a controller restart.
 */
public final class PackitRunAction extends InvisibleAction {
    /** The core's state file in the build directory. */
    static final String STATE_FILE = "packit-state.json";

    private final String configFile;
    private final String configText;
    private final String origin;
    private final String repository;

    private transient BuildBoard board;
    private transient AgentCliExecutor cli;

    /**
     * The state of a build that runs {@code configText}.
     *
     * @param configFile the config's path in the repository
     * @param configText its content
     * @param origin     where it was read, for people ({@code revision … of PR-12})
     * @param repository the repository's name, Packit's default package name
     */
    public PackitRunAction(String configFile, String configText, String origin, String repository) {
        this.configFile = configFile;
        this.configText = configText;
        this.origin = origin;
        this.repository = repository;
    }

    /** The config's path in the repository. */
    public String getConfigFile() {
        return configFile;
    }

    /** The config the build runs. */
    public String getConfigText() {
        return configText;
    }

    /** Where the config was read. */
    public String getOrigin() {
        return origin;
    }

    /** The repository's name. */
    public String getRepository() {
        return repository;
    }

    /**
     * The board of the build a step runs in: the build's action (created on first use from the trusted revision of
     * the file {@code PACKIT_CONFIG} names), opened once per controller session, checked against the digest the
     * Jenkinsfile was rendered from.
     */
    static BuildBoard board(StepContext context) throws IOException, InterruptedException {
        var env = environment(context);
        var opened = attached(context, env).open(context.get(Run.class), env);
        opened.requireRenderedFrom(env.get(StepCatalog.ENV_CONFIG_DIGEST, ""));
        return opened;
    }

    /** The build's executor of {@code packit} command lines, for a {@code packitCli} step to lend its agent to. */
    static AgentCliExecutor cli(StepContext context) throws IOException, InterruptedException {
        var env = environment(context);
        var action = attached(context, env);
        synchronized (action) {
            action.open(context.get(Run.class), env);
            return action.cli;
        }
    }

    private static PackitRunAction attached(StepContext context, EnvVars env) throws IOException, InterruptedException {
        return of(context.get(Run.class), env.get(StepCatalog.ENV_CONFIG, RuntimePipeline.DEFAULT_CONFIG_FILE),
                context.get(TaskListener.class));
    }

    /** The step's environment: the pipeline's {@code environment} block and the build parameters. */
    static EnvVars environment(StepContext context) throws IOException, InterruptedException {
        var env = context.get(EnvVars.class);
        return env == null ? new EnvVars() : env;
    }

    private static PackitRunAction of(Run<?, ?> run, String configFile, TaskListener listener)
            throws IOException, InterruptedException {
        synchronized (run) {
            var existing = run.getAction(PackitRunAction.class);
            if (existing != null) {
                return existing;
            }
        }
        var trusted = TrustedFile.read(run, configFile, listener);
        synchronized (run) {
            var existing = run.getAction(PackitRunAction.class);
            if (existing != null) {
                return existing;
            }
            var created = new PackitRunAction(configFile, trusted.content(), trusted.origin(), trusted.repository());
            run.addAction(created);
            run.save();
            return created;
        }
    }

    private synchronized BuildBoard open(Run<?, ?> run, EnvVars env) throws IOException {
        if (board == null) {
            var config = RuntimePipeline.load(configFile, configText.getBytes(StandardCharsets.UTF_8), repository);
            var revision = SCMRevisionAction.getRevision(run);
            cli = new AgentCliExecutor();
            var executors = PackitServices.executors(run, env, cli, repository,
                    revision == null ? "" : revision.toString());
            board = BuildBoard.open(RuntimePipeline.planFor(config, RuntimePipeline.eventOf(env)),
                    new File(run.getRootDir(), STATE_FILE).toPath(), executors);
        }
        return board;
    }
}
