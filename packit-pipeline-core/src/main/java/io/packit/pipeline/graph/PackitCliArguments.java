package io.packit.pipeline.graph;

import io.packit.pipeline.config.DistGitBranch;
import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.config.JobType;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.ReleaseSettings;
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
        var view = node.view();
        var release = view.settings().release();
        var args = new ArrayList<String>();
        switch (node.kind()) {
            case PROPOSE_DOWNSTREAM -> {
                args.add("propose-downstream");
                syncBranches(args, view, release, config, JobType.PROPOSE_DOWNSTREAM);
            }
            case PULL_FROM_UPSTREAM -> {
                args.add("pull-from-upstream");
                syncBranches(args, view, release, config, JobType.PULL_FROM_UPSTREAM);
            }
            case KOJI_BUILD -> {
                args.addAll(List.of("build", "in-koji"));
                branches(args, release);
                if (release.scratch()) {
                    args.add("--scratch");
                }
            }
            case UPSTREAM_KOJI_BUILD -> {
                args.addAll(List.of("build", "in-koji", "--from-upstream", "--koji-target", kojiTarget(view)));
                if (release.scratch()) {
                    args.add("--scratch");
                }
            }
            case BODHI_UPDATE -> {
                args.add("create-update");
                branches(args, release);
            }
            case VM_IMAGE_BUILD -> args.addAll(List.of("build", "in-image-builder", "--wait",
                    "--job-config-index", Integer.toString(jobConfigIndex(view, config))));
            default -> throw new IllegalArgumentException("node " + node.id() + " does not run the packit command line");
        }
        if (config.monorepo()) {
            args.addAll(List.of("--package", view.packageName()));
        }
        if (node.kind() == NodeKind.VM_IMAGE_BUILD) {
            args.add(node.id().packageName() + "-" + node.id().job());
        }
        args.add(".");
        return List.copyOf(args);
    }

    private static void branches(List<String> args, ReleaseSettings release) {
        if (!release.distGitBranches().isEmpty()) {
            args.add("--dist-git-branch");
            args.add(release.distGitBranches().stream().map(DistGitBranch::name).collect(Collectors.joining(",")));
        }
    }

    private static void syncBranches(List<String> args, JobView view, ReleaseSettings release, PackitConfig config,
            JobType type) {
        var fastForward = release.distGitBranches().stream().anyMatch(branch -> !branch.fastForwardMergeInto().isEmpty());
        var firstOfType = jobsOf(view.packageName(), config).stream().filter(job -> job.type() == type).findFirst();
        if (fastForward && firstOfType.isPresent() && firstOfType.get().equals(view.job())) {
            return;
        }
        branches(args, release);
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
