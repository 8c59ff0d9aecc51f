package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.packit.pipeline.bodhi.RecordedReleaseTable;
import io.packit.pipeline.config.ReleaseTable;
import io.packit.pipeline.engine.BuildBoard;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.StateFile;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.RuntimePipeline;
import io.packit.pipeline.report.RunPage;
import io.packit.pipeline.steps.StepCatalog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
    /** Null in the build.xml of a build made before this field existed. */
    @CheckForNull
    private final String revision;
    /**
     * The release table target aliases resolved with ({@link RecordedReleaseTable}'s four strings), kept so that a
     * resumed or replayed build resolves the same chroots; all null in a build made before they existed, which
     * then resolves with the table shipped with the plugin, as it did.
     */
    @CheckForNull
    private String releaseTableOrigin;
    @CheckForNull
    private String releaseTableSource;
    @CheckForNull
    private String releaseTableDate;
    @CheckForNull
    private String releaseTableText;

    @CheckForNull
    private transient volatile BuildBoard board;
    /** The page of the plan, laid out once per controller session. */
    @CheckForNull
    private transient volatile RunPage page;
    @CheckForNull
    private transient AgentCliExecutor cli;

    /**
     * The state of a build that runs {@code configText}.
     *
     * @param configFile the config's path in the repository
     * @param configText its content
     * @param origin     where it was read, for people ({@code revision … of PR-12})
     * @param repository the repository's name, Packit's default package name
     * @param revision   the revision the build builds, as the SCM prints it (its commit id is what Copr builds)
     */
    public PackitRunAction(String configFile, String configText, String origin, String repository, String revision) {
        this.configFile = configFile;
        this.configText = configText;
        this.origin = origin;
        this.repository = repository;
        this.revision = revision;
    }

    /**
     * The action of a build for the config {@code trusted} read at {@code configFile}, whose target aliases
     * resolve with {@code releases}.
     */
    static PackitRunAction forConfig(String configFile, TrustedFile trusted, RecordedReleaseTable releases) {
        var action = new PackitRunAction(configFile, trusted.content(), trusted.origin(), trusted.repository(),
                trusted.revision());
        action.releaseTableOrigin = releases.origin();
        action.releaseTableSource = releases.source();
        action.releaseTableDate = releases.date();
        action.releaseTableText = releases.text();
        return action;
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

    /** Where the build's release table came from ({@code bodhi}, {@code bodhi-cache}, {@code bundled}, …); empty when not recorded. */
    public String getReleaseTableOrigin() {
        return releaseTableOrigin == null ? "" : releaseTableOrigin;
    }

    /** The source of the build's release table, as outputs name it; empty when not recorded. */
    public String getReleaseTableSource() {
        return releaseTableSource == null ? "" : releaseTableSource;
    }

    /** The day the build's release table was true ({@code YYYY-MM-DD}); empty when not recorded. */
    public String getReleaseTableDate() {
        return releaseTableDate == null ? "" : releaseTableDate;
    }

    /** The release table the build resolves its target aliases with; null in a build made before it was kept. */
    @CheckForNull
    RecordedReleaseTable recordedReleaseTable() {
        if (releaseTableText == null || releaseTableOrigin == null || releaseTableSource == null
                || releaseTableDate == null) {
            return null;
        }
        return new RecordedReleaseTable(releaseTableOrigin, releaseTableSource, releaseTableDate, releaseTableText);
    }

    /** The revision the build builds; empty when not recorded. */
    public String getRevision() {
        return revision == null ? "" : revision;
    }

    /**
     * The board of the build a step runs in: the build's action (created on first use from the trusted revision of
     * the file {@code PACKIT_CONFIG} names), opened once per controller session, checked against the digest the
     * Jenkinsfile was rendered from.
     */
    static BuildBoard board(StepContext context) throws IOException, InterruptedException {
        var env = environment(context);
        var opened = attached(context, env).open(context.get(Run.class), env, context.get(TaskListener.class));
        opened.requireRenderedFrom(env.get(StepCatalog.ENV_CONFIG_DIGEST, ""));
        return opened;
    }

    /**
     * The board of the build a step runs in if this controller session has already opened it, without reading
     * anything: what a step can use in {@code start()}, on the CPS VM thread, where no I/O belongs.
     */
    static Optional<BuildBoard> boardIfOpen(StepContext context) throws IOException, InterruptedException {
        // no lock on the run or the action: open() may hold the action's while it reads, and the CPS VM thread
        // must not wait for that (the action list and the board field are safe to read as they are)
        var action = context.get(Run.class).getAction(PackitRunAction.class);
        if (action == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(action.board);
    }

    /** The build's executor of {@code packit} command lines, for a {@code packitCli} step to lend its agent to. */
    static AgentCliExecutor cli(StepContext context) throws IOException, InterruptedException {
        var env = environment(context);
        var action = attached(context, env);
        synchronized (action) {
            action.open(context.get(Run.class), env, context.get(TaskListener.class));
            return Objects.requireNonNull(action.cli, "open() sets the executor");
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
        // the parallel branches' first steps all get here at once: one reads the file and asks Bodhi, the others
        // wait for its action (seen in Jenkins 2.541.3: every branch asked Bodhi and logged the table), and the
        // run's own lock is not held meanwhile
        var key = run.getExternalizableId();
        var creating = CREATING.computeIfAbsent(key, id -> new Object());
        try {
            synchronized (creating) {
                synchronized (run) {
                    var existing = run.getAction(PackitRunAction.class);
                    if (existing != null) {
                        return existing;
                    }
                }
                var trusted = TrustedFile.read(run, configFile, listener);
                var releases = BuildReleaseTable.resolve(run, listener);
                synchronized (run) {
                    var created = forConfig(configFile, trusted, releases);
                    run.addAction(created);
                    run.save();
                    return created;
                }
            }
        } finally {
            CREATING.remove(key, creating);
        }
    }

    /** A lock per build whose action is being created, by the build's externalizable id. */
    private static final ConcurrentMap<String, Object> CREATING = new ConcurrentHashMap<>();

    /**
     * The run page of {@code run} as of now: from the board while this controller session runs the build's steps,
     * else from the state file in the build's directory and the plan of the build's config and event; reloading
     * itself every {@value #REFRESH_SECONDS} s while the build runs.
     */
    String runPage(Run<?, ?> run) throws IOException, InterruptedException {
        var refresh = run.isBuilding() ? Duration.ofSeconds(REFRESH_SECONDS) : Duration.ZERO;
        var open = board;
        if (open != null) {
            return page(open.state().plan()).render(open.state().statuses(), Instant.now(), refresh);
        }
        var config = RuntimePipeline.load(configFile, configText.getBytes(StandardCharsets.UTF_8), repository);
        var plan = RuntimePipeline.planFor(config, RuntimePipeline.eventOf(run.getEnvironment(TaskListener.NULL)));
        var stateFile = new File(run.getRootDir(), STATE_FILE).toPath();
        List<NodeStatus> statuses = Files.isRegularFile(stateFile) ? StateFile.read(stateFile).nodes() : List.of();
        return page(plan).render(statuses, Instant.now(), refresh);
    }

    private RunPage page(Plan plan) {
        var laidOut = page;
        if (laidOut == null) {
            laidOut = RunPage.of(plan);
            page = laidOut;
        }
        return laidOut;
    }

    /** How often the page of a running build reloads itself, in seconds. */
    static final int REFRESH_SECONDS = 5;

    private synchronized BuildBoard open(Run<?, ?> run, EnvVars env, TaskListener listener) throws IOException {
        var current = board;
        if (current == null) {
            var recorded = recordedReleaseTable();
            var config = RuntimePipeline.load(configFile, configText.getBytes(StandardCharsets.UTF_8), repository,
                    recorded == null ? ReleaseTable.bundled() : recorded.table());
            cli = new AgentCliExecutor();
            var sources = BuildRepository.of(run, env);
            listener.getLogger().println(sources.logLine());
            var executors = PackitServices.executors(run, env, cli, sources, repository, getRevision());
            var opened = BuildBoard.open(RuntimePipeline.planFor(config, RuntimePipeline.eventOf(env)),
                    new File(run.getRootDir(), STATE_FILE).toPath(), executors);
            // checks-api is optional: ForgeChecks, which refers to its classes, is loaded only when it is active
            if (JenkinsFacade.isPluginActive(ForgeChecks.CHECKS_API)) {
                ForgeChecks.attach(run, opened.state());
            }
            board = opened;
            current = opened;
        }
        return current;
    }
}
