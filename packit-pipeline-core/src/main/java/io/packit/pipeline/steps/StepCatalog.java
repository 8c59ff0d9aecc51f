package io.packit.pipeline.steps;

import io.packit.pipeline.graph.NodeKind;
import java.util.List;

/**
 * The pipeline steps a rendered Jenkinsfile calls, with their argument names and the kind of node each runs: the
 * one contract between the Jenkinsfile renderer (which writes the calls) and whoever runs them (the engine's
 * {@code StepCall}, through which the Jenkins plugin implements the steps).
 *
 * <p>Common rules for every step:
 * <ul>
 *   <li>The configuration is never passed in arguments. It is read at run time from the {@code .packit.yaml}
 *       named by the pipeline environment variable {@link #ENV_CONFIG}; its digest must equal
 *       {@link #ENV_CONFIG_DIGEST} (both written by the renderer in the pipeline's {@code environment} block and
 *       in the header comment), else the step fails with "the Jenkinsfile is stale". The plan is made from that
 *       config for every trigger at once, so each node id below names exactly one plan node.</li>
 *   <li>{@link #ARG_NODE} is the plan node the step runs: a node id {@code kind:package:job[/member][@chroot]}.</li>
 *   <li>{@link #ARG_NEEDS} lists what the node waits for, besides the stage before it in the same branch:
 *       node ids ({@code copr_build:B:build1}: the whole node) or chroot-level needs
 *       ({@code copr_build:A:build1@fedora-41-x86_64}: that chroot of that build only). A need that is the id of
 *       a plan node is that whole node: the per-branch nodes of a side-tag release have ids ending in
 *       {@code @<branch>} ({@code koji_build:A:koji/B@f43}). The step starts its
 *       work as soon as every need has succeeded, without holding an executor while it waits. When a need
 *       failed, was cancelled or was skipped, the step does no work and marks its node skipped with the root
 *       cause (the stage ends as not built / unstable, never as its own failure). The list may be empty.
 *       The edge from the stage before it in the same branch (srpm → copr_build) is not repeated.</li>
 *   <li>Optional readable arguments ({@link #ARG_CHROOTS}, {@link #ARG_TARGET}) repeat what the plan says; the
 *       renderer writes them only when the plan is small enough; a step that gets them checks they agree with
 *       the plan and fails when they do not.</li>
 *   <li>Credentials are never arguments: a step reads the credential <em>id</em> from the build parameter
 *       ({@link #PARAM_COPR_CREDENTIALS}, {@link #PARAM_TF_CREDENTIALS}, visible as environment variables)
 *       and looks the secret up itself.</li>
 *   <li>Every argument value the renderer writes is a single-quoted Groovy string literal, or a list of them.</li>
 * </ul>
 */
public final class StepCatalog {
    /**
     * {@code packitSrpm(node: 'srpm:A:build1', needs: [...])}: ensures the package's Copr project, submits the
     * Copr build of the node's package and job (the build {@code copr_build:A:build1} of the same package and
     * job), and waits for its SRPM phase (Copr's source chroot) to end. Succeeds when the SRPM was built; the
     * build id is kept in the run's engine state for the {@link #COPR_BUILD} step. Its {@code needs} are the plan
     * edges into the srpm node: the whole builds of the packages it {@code depends} on (often none). It submits
     * once they have ended, on the chroots where they all succeeded (the others are skipped with the root cause);
     * with Copr batches it submits at once and Copr orders the builds. Needs no agent.
     */
    public static final String SRPM = "packitSrpm";

    /**
     * {@code packitCoprBuild(node: 'copr_build:A:build1', needs: [...], chroots: [...])}: waits for every chroot
     * of the build submitted by the srpm node of the same package and job, reporting each chroot as it ends
     * (so that a test needing {@code copr_build:A:build1@fedora-41-x86_64} starts as soon as that chroot
     * ended). Succeeds when every chroot succeeded. Needs no agent.
     */
    public static final String COPR_BUILD = "packitCoprBuild";

    /**
     * {@code packitTestingFarm(node: 'tests:A:tests1@fedora-41-x86_64', needs: [...], target: '...')}: one
     * Testing Farm request for one build chroot: submits it (with the build's artifacts unless the job has
     * {@code skip_build}), waits for it, and publishes its results as JUnit XML. Its {@code needs} are the one
     * chroot of the build it tests. Needs no agent.
     */
    public static final String TESTING_FARM = "packitTestingFarm";

    /**
     * {@code packitCli(node: 'koji_build:A:koji', needs: [...], args: ['build', 'in-koji', ...])}: runs a command
     * line in the workspace of the stage's agent (the stage has {@code agent { label params.PACKIT_AGENT_LABEL }})
     * with exactly {@code args} as its argument vector (no shell), for koji_build, bodhi_update, propose_downstream,
     * upstream_koji_build, vm_image_build and pull_from_upstream nodes, and the side_tag and wait_repo nodes of a
     * side-tag release. The program is {@link #ARG_COMMAND} ({@code packit} when not written). The argument vector
     * is the plan's ({@code graph.CliCommands}): an argument {@code '{side_tag:A:koji@f43}'} stands for the name of
     * the side tag that node created, which the run recorded; the step runs the plan's command with that name put
     * in, and the written {@code command}/{@code args} must equal the plan's. Succeeds when the command did its
     * work: it exited 0 and its output shows no failure the tool reports with status 0 ({@code engine.CliOutcome}).
     */
    public static final String CLI = "packitCli";

    /**
     * {@code packitGroup(nodes: [...])}: runs several plan nodes in one stage, for plans too big for one stage
     * per node (Jenkins' method size limit). Each entry of {@code nodes} is a selector ({@link NodeSelector}): a node id, or
     * {@code job:<package>:<job>} (every node of that package's job), or {@code package:<package>} (every node
     * of the package). The step starts at once; each selected node starts as soon as its own needs (from the
     * plan) have succeeded — exactly when it would have started in a stage of its own — and does what the step
     * for its kind does. The step succeeds when every selected node succeeded. CLI nodes are never grouped.
     * Needs no agent.
     */
    public static final String GROUP = "packitGroup";

    /** The node the step runs: a node id. */
    public static final String ARG_NODE = "node";
    /** What the node waits for: node ids or chroot-level needs ({@code node@chroot}). */
    public static final String ARG_NEEDS = "needs";
    /** {@link #COPR_BUILD}, optional: the chroots the build builds, as the plan resolved them. */
    public static final String ARG_CHROOTS = "chroots";
    /** {@link #TESTING_FARM}, optional: the Testing Farm target ({@code <distro>-<arch>}). */
    public static final String ARG_TARGET = "target";
    /** {@link #CLI}: the argument vector of the command. */
    public static final String ARG_ARGS = "args";
    /**
     * {@link #CLI}, written when it is not {@code packit}: the program run, {@code fedpkg}, {@code koji} or
     * {@code bodhi}, looked up on the agent's {@code PATH}.
     */
    public static final String ARG_COMMAND = "command";
    /** {@link #GROUP}: the node selectors the stage runs. */
    public static final String ARG_NODES = "nodes";

    /** Build parameter: id of a secret file credential holding a Copr config ({@code ~/.config/copr} format). */
    public static final String PARAM_COPR_CREDENTIALS = "PACKIT_COPR_CREDENTIALS";
    /** Default of {@link #PARAM_COPR_CREDENTIALS}. */
    public static final String DEFAULT_COPR_CREDENTIALS = "packit-copr";
    /** Build parameter: id of a secret text credential holding the Testing Farm API key. */
    public static final String PARAM_TF_CREDENTIALS = "PACKIT_TF_CREDENTIALS";
    /** Default of {@link #PARAM_TF_CREDENTIALS}. */
    public static final String DEFAULT_TF_CREDENTIALS = "packit-testing-farm";
    /** Build parameter: the agent label for stages that run the {@code packit} command line. */
    public static final String PARAM_AGENT_LABEL = "PACKIT_AGENT_LABEL";
    /** Default of {@link #PARAM_AGENT_LABEL}. */
    public static final String DEFAULT_AGENT_LABEL = "packit";
    /**
     * Prefix of the boolean build parameter of a {@code manual_trigger} job, named {@code run:<package>:<job>}
     * (default false); the job's stages run only when it is ticked ({@code when { expression { params['...'] } } }).
     */
    public static final String PARAM_MANUAL_PREFIX = "run:";

    /** Pipeline environment variable: the config path the Jenkinsfile was rendered from. */
    public static final String ENV_CONFIG = "PACKIT_CONFIG";
    /** Pipeline environment variable: {@code sha256:<hex>} of that config. */
    public static final String ENV_CONFIG_DIGEST = "PACKIT_CONFIG_DIGEST";

    /** Selector prefix of {@link #GROUP}: every node of one package. */
    public static final String SELECT_PACKAGE = "package:";
    /** Selector prefix of {@link #GROUP}: every node of one package's job. */
    public static final String SELECT_JOB = "job:";

    /** Every step name, in the order above. */
    public static final List<String> STEPS = List.of(SRPM, COPR_BUILD, TESTING_FARM, CLI, GROUP);

    private StepCatalog() {
    }

    /**
     * The step that runs a node of {@code kind} in a stage of its own ({@link #GROUP} runs several, of every kind
     * but the command line's). One case per kind and no default: a new kind does not compile until it has a step.
     */
    public static String stepOf(NodeKind kind) {
        return switch (kind) {
            case SRPM -> StepCatalog.SRPM;
            case COPR_BUILD -> StepCatalog.COPR_BUILD;
            case TESTS -> StepCatalog.TESTING_FARM;
            case UPSTREAM_KOJI_BUILD, PROPOSE_DOWNSTREAM, KOJI_BUILD, BODHI_UPDATE, VM_IMAGE_BUILD, PULL_FROM_UPSTREAM,
                    SIDE_TAG, WAIT_REPO -> StepCatalog.CLI;
        };
    }

    /** The {@link #GROUP} selector of every node of {@code packageName}. */
    public static String selectPackage(String packageName) {
        return SELECT_PACKAGE + packageName;
    }

    /** The {@link #GROUP} selector of every node of {@code packageName}'s job {@code job}. */
    public static String selectJob(String packageName, String job) {
        return SELECT_JOB + packageName + ":" + job;
    }

    /** The name of the boolean build parameter that runs the manual job {@code job} of {@code packageName}. */
    public static String manualParameter(String packageName, String job) {
        return PARAM_MANUAL_PREFIX + packageName + ":" + job;
    }
}
