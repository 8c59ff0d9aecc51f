package io.packit.pipeline.graph;

import io.packit.pipeline.config.BodhiUpdateJob;
import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.DistGitBranch;
import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.KojiBuildJob;
import io.packit.pipeline.config.KojiBuildTagJob;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.ProposeDownstreamJob;
import io.packit.pipeline.config.PullFromUpstreamJob;
import io.packit.pipeline.config.ReleaseSettings;
import io.packit.pipeline.config.SyncFromDownstreamJob;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.UpstreamKojiBuildJob;
import io.packit.pipeline.config.VmImageBuildJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The arguments of Packit's own command line ({@code packit}, after the command itself) for a release node: the one
 * definition both the rendered {@code packitCli(args: [...])} step and {@code packit-pipeline run} use.
 *
 * <p>Checked against the click definitions in packit/packit at commit
 * {@code 69d783e81dd17ff1ecf617a5817d39afdefecf26} ({@code packit/cli/propose_downstream.py},
 * {@code builds/koji_build.py}, {@code create_update.py}, {@code builds/in_image_builder.py}, {@code utils.py}):
 * <ul>
 *   <li>{@code --dist-git-branch} is one option holding a comma-separated list (not repeatable; a repeated option
 *       keeps only its last value); aliases such as {@code fedora-all} are expanded by Packit.</li>
 *   <li>{@code -p/--package} selects a monorepo package (without it Packit runs for every package).</li>
 *   <li>{@code PATH_OR_URL} is the last positional argument; we always pass {@code .} (the directory of the
 *       configuration).</li>
 *   <li>{@code build in-koji --from-upstream} fails without {@code --koji-target} (a single value, alias expanded);
 *       it builds once per dist-git branch given, so no branch is passed for upstream builds. A job naming several
 *       targets gets only its first: one invocation cannot build more (one node per target would be needed).</li>
 *   <li>{@code propose-downstream}/{@code pull-from-upstream} read {@code dist_git_branches} of the first job of
 *       their type themselves, and only from there take {@code fast_forward_merge_into}: a command-line list drops
 *       it, so the option is left out when that first job is the node's own and it uses fast-forward merges.</li>
 *   <li>{@code create-update} has no side-tag option (side tags are Packit Service only).</li>
 *   <li>{@code build in-image-builder} takes {@code IMAGE_NAME} before {@code PATH_OR_URL}, does not wait unless
 *       given {@code --wait}, and its {@code --job-config-index} counts the package's jobs after {@code "a | b"}
 *       trigger expansion (Packit's {@code PackageConfigView.jobs}), not the file's {@code jobs} list.</li>
 * </ul>
 */
public final class PackitCliArguments {
    /** Packit's target when a job names none ({@code packit.config.aliases.DEFAULT_VERSION}). */
    static final String DEFAULT_KOJI_TARGET = "fedora-stable";

    private PackitCliArguments() {
    }

    /**
     * The {@code packit} arguments for {@code node} of a plan of {@code config}.
     *
     * @throws IllegalArgumentException when the node does not run the command line
     */
    public static List<String> of(Node node, PackitConfig config) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(config, "config");
        if (!node.kind().runsPackitCli()) {
            throw new IllegalArgumentException("node " + node.id() + " does not run the packit command line");
        }
        var command = node.view().job().accept(new Command(node, config));
        var args = new ArrayList<>(command.head());
        if (config.monorepo()) {
            args.addAll(List.of("--package", node.view().packageName()));
        }
        args.addAll(command.positional());
        args.add(".");
        return List.copyOf(args);
    }

    /**
     * A command line before the options every command takes: the command with its own options, and the positional
     * arguments before {@code PATH_OR_URL}.
     */
    private record Invocation(List<String> head, List<String> positional) {
        static Invocation of(List<String> head) {
            return new Invocation(head, List.of());
        }
    }

    /** The command of each job type whose node runs the command line; the other types have none. */
    private record Command(Node node, PackitConfig config) implements JobConfig.Visitor<Invocation> {
        @Override
        public Invocation proposeDownstream(ProposeDownstreamJob job) {
            return Invocation.of(syncBranches("propose-downstream", node.view(), config, ProposeDownstreamJob.class));
        }

        @Override
        public Invocation pullFromUpstream(PullFromUpstreamJob job) {
            return Invocation.of(syncBranches("pull-from-upstream", node.view(), config, PullFromUpstreamJob.class));
        }

        @Override
        public Invocation kojiBuild(KojiBuildJob job) {
            var release = node.view().settings().release();
            var args = new ArrayList<>(List.of("build", "in-koji"));
            branches(args, release);
            if (release.scratch()) {
                args.add("--scratch");
            }
            return Invocation.of(args);
        }

        @Override
        public Invocation upstreamKojiBuild(UpstreamKojiBuildJob job) {
            var args = new ArrayList<>(List.of("build", "in-koji", "--from-upstream", "--koji-target",
                    kojiTarget(node.view())));
            if (node.view().settings().release().scratch()) {
                args.add("--scratch");
            }
            return Invocation.of(args);
        }

        @Override
        public Invocation bodhiUpdate(BodhiUpdateJob job) {
            var args = new ArrayList<>(List.of("create-update"));
            branches(args, node.view().settings().release());
            return Invocation.of(args);
        }

        @Override
        public Invocation vmImageBuild(VmImageBuildJob job) {
            return new Invocation(List.of("build", "in-image-builder", "--wait", "--job-config-index",
                    Integer.toString(jobConfigIndex(node.view(), config))),
                    List.of(node.id().packageName() + "-" + node.id().job()));
        }

        @Override
        public Invocation coprBuild(CoprBuildJob job) {
            return none();
        }

        @Override
        public Invocation tests(TestsJob job) {
            return none();
        }

        @Override
        public Invocation syncFromDownstream(SyncFromDownstreamJob job) {
            return none();
        }

        @Override
        public Invocation kojiBuildTag(KojiBuildTagJob job) {
            return none();
        }

        private Invocation none() {
            throw new IllegalArgumentException("node " + node.id() + " of a " + node.view().job().key()
                    + " job does not run the packit command line");
        }
    }

    private static void branches(List<String> args, ReleaseSettings release) {
        if (!release.distGitBranches().isEmpty()) {
            args.add("--dist-git-branch");
            args.add(release.distGitBranches().stream().map(DistGitBranch::name).collect(Collectors.joining(",")));
        }
    }

    private static List<String> syncBranches(String command, JobView view, PackitConfig config,
            Class<? extends JobConfig> type) {
        var args = new ArrayList<>(List.of(command));
        var release = view.settings().release();
        var fastForward = release.distGitBranches().stream().anyMatch(branch -> !branch.fastForwardMergeInto().isEmpty());
        var firstOfType = jobsOf(view.packageName(), config).stream().filter(type::isInstance).findFirst();
        if (fastForward && firstOfType.isPresent() && firstOfType.get().equals(view.job())) {
            return args;
        }
        branches(args, release);
        return args;
    }

    /**
     * The one Koji target (or alias) {@code --koji-target} takes: the job's first written target. Packit's option
     * takes a single value, so a job naming several targets builds only the first.
     */
    private static String kojiTarget(JobView view) {
        var written = view.settings().targets().written().keySet();
        return written.isEmpty() ? DEFAULT_KOJI_TARGET : written.iterator().next();
    }

    /** The jobs of one package in Packit's order: file order, {@code "a | b"} triggers expanded in place. */
    private static List<JobConfig> jobsOf(String packageName, PackitConfig config) {
        return config.jobs().stream().filter(job -> job.packageNames().contains(packageName)).toList();
    }

    private static int jobConfigIndex(JobView view, PackitConfig config) {
        var index = jobsOf(view.packageName(), config).indexOf(view.job());
        if (index < 0) {
            throw new IllegalArgumentException("job " + view.job().path() + " of package " + view.packageName()
                    + " is not in " + config.file());
        }
        return index;
    }
}
