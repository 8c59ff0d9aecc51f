package io.packit.pipeline.render;

import io.packit.pipeline.config.LoadOptions;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.ReleaseTable;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.steps.StepCatalog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code .packit.yaml} as a CI build runs it: loaded from the bytes the build read, planned for every trigger at
 * once (so every node id of a rendered Jenkinsfile names one node of the plan, as {@link StepCatalog} promises),
 * rendered when the build starts. The Jenkins plugin's flow definition and its steps go through here, so what a
 * step runs is exactly what was rendered.
 */
public final class RuntimePipeline {
    /** The config file a build reads when nothing names another: {@code .packit.yaml}. */
    public static final String DEFAULT_CONFIG_FILE = PackitConfigLoader.CONFIG_FILE_NAMES.get(0);

    /** Jenkins multibranch: the change request number, its target branch, the tag, the branch. */
    static final String CHANGE_ID = "CHANGE_ID";
    static final String CHANGE_TARGET = "CHANGE_TARGET";
    static final String TAG_NAME = "TAG_NAME";
    static final String BRANCH_NAME = "BRANCH_NAME";

    private static final Pattern COMMIT = Pattern.compile("\\b[0-9a-f]{40}\\b");

    private RuntimePipeline() {
    }

    /**
     * Loads {@code content}.
     *
     * @param file           the config's path in the repository, used in every problem
     * @param repositoryName the repository's name, Packit's default package name of a single-package config
     *                       ({@code packit-pipeline render --repository}); empty when unknown
     * @throws io.packit.pipeline.diag.InvalidInputException with every problem when the config is invalid
     */
    public static PackitConfig load(String file, byte[] content, String repositoryName) {
        return load(file, content, repositoryName, ReleaseTable.bundled());
    }

    /**
     * Loads {@code content}, resolving target aliases against {@code releases} (for instance Bodhi's, from
     * {@code io.packit.pipeline.bodhi.ReleaseTableSource#resolve}).
     *
     * @param file           the config's path in the repository, used in every problem
     * @param repositoryName the repository's name, Packit's default package name of a single-package config; empty
     *                       when unknown
     * @param releases       the release table target aliases resolve against
     * @throws io.packit.pipeline.diag.InvalidInputException with every problem when the config is invalid
     */
    public static PackitConfig load(String file, byte[] content, String repositoryName, ReleaseTable releases) {
        Objects.requireNonNull(repositoryName, "repositoryName");
        var options = LoadOptions.defaults().withReleaseTable(releases);
        if (!repositoryName.isEmpty()) {
            options = options.withRepositoryName(repositoryName);
        }
        return new PackitConfigLoader(options).load(file, content).configOrThrow();
    }

    /**
     * The plan of {@code config} for every trigger, as {@code packit-pipeline render} makes it.
     *
     * @throws io.packit.pipeline.diag.InvalidInputException with every problem when planning finds an error
     */
    public static Plan planFor(PackitConfig config) {
        return new JobGraphPlanner().plan(config, new Event.AllTriggers());
    }

    /**
     * The plan of {@code config} for every trigger, reporting what planning finds (warnings such as tests targets
     * their build does not build, and errors) into {@code diagnostics}; with an error the plan is not to be rendered.
     */
    public static Plan planFor(PackitConfig config, Diagnostics diagnostics) {
        return new JobGraphPlanner().plan(config, new Event.AllTriggers(), diagnostics);
    }

    /**
     * The plan of {@code config} for every trigger (the nodes and ids of the rendered Jenkinsfile), carrying the
     * event the build is for, which names its Copr projects ({@code <repo>-<pr id>}, …). The nodes of pull_request,
     * commit and release jobs of another trigger than the event's are skipped from the start
     * ({@code pull_request job: this build is for a commit to main}): their stages' {@code when} is false, so
     * Declarative skips them.
     */
    public static Plan planFor(PackitConfig config, Event event) {
        var plan = planFor(config);
        var trigger = event.trigger();
        if (trigger.isEmpty()) {
            return new Plan(plan.config(), event, plan.nodes(), plan.edges(), plan.criticalPath(),
                    plan.dependencyRepos(), plan.index());
        }
        // a pull_request, commit or release job of another trigger than the build's: its stage's when is false
        // (WhenConditions), so Declarative skips it and no step ever reports on it; the plan says so from the start,
        // so that the build's board and Packit page show it skipped with the reason instead of waiting
        var nodes = plan.nodes().stream().map(node -> node.runs() && isEventTrigger(node.condition().trigger())
                && node.condition().trigger() != trigger.get()
                        ? node.withSkipReason(node.condition().trigger().key() + " job: this build is for "
                                + buildOf(event))
                        : node).toList();
        return new Plan(plan.config(), event, nodes, plan.edges(), plan.criticalPath(), plan.dependencyRepos(),
                plan.index());
    }

    private static boolean isEventTrigger(Trigger trigger) {
        return trigger == Trigger.PULL_REQUEST || trigger == Trigger.COMMIT || trigger == Trigger.RELEASE;
    }

    private static String buildOf(Event event) {
        if (event instanceof Event.PullRequest pullRequest) {
            return "pull request " + pullRequest.id() + " into " + pullRequest.targetBranch();
        }
        if (event instanceof Event.Commit commit) {
            return "a commit to " + commit.branch();
        }
        return event instanceof Event.Release release ? "tag " + release.tag() : "every trigger";
    }

    /** The Jenkinsfile of {@code config}, as {@code packit-pipeline render} writes it. */
    public static String render(PackitConfig config) {
        return new JenkinsfileRenderer().render(planFor(config));
    }

    /**
     * The event a build is for, from the variables Jenkins sets in a multibranch build: {@code CHANGE_ID} and
     * {@code CHANGE_TARGET} for a pull request, {@code TAG_NAME} for a tag, {@code BRANCH_NAME} for a branch; every
     * trigger when none is set.
     */
    public static Event eventOf(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        var change = environment.getOrDefault(CHANGE_ID, "");
        if (!change.isEmpty()) {
            return new Event.PullRequest(environment.getOrDefault(CHANGE_TARGET, ""), number(change), List.of(),
                    List.of());
        }
        var tag = environment.getOrDefault(TAG_NAME, "");
        if (!tag.isEmpty()) {
            return new Event.Release(tag);
        }
        var branch = environment.getOrDefault(BRANCH_NAME, "");
        return branch.isEmpty() ? new Event.AllTriggers() : new Event.Commit(branch, List.of());
    }

    /**
     * The commit of an SCM revision as the SCM prints it: the first full commit hash in {@code revision} (a Git
     * branch prints its hash; a GitHub pull request its head hash first, then {@code +base (merge)}), or empty.
     */
    public static String commitOf(String revision) {
        var matcher = COMMIT.matcher(Objects.requireNonNull(revision, "revision"));
        return matcher.find() ? matcher.group() : "";
    }

    private static int number(String changeId) {
        try {
            return Integer.parseInt(changeId);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
