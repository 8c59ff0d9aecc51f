package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * One job after {@code trigger: "a | b"} expansion: one record per job type (packit-config.md §1.7), each with the
 * keys every job has ({@link #common()}) and only the keys of its own type.
 *
 * <p>The interface is sealed, and whatever differs between job types is either asked of the type itself
 * ({@link #key()}, {@link #releases()}, {@link #takesDefaultTargets}) or dispatched through {@link Visitor}, which
 * has one case per type and no default: a new job type does not compile until the planner and the command line
 * arguments handle it.
 */
public sealed interface JobConfig permits CoprBuildJob, TestsJob, UpstreamKojiBuildJob, VmImageBuildJob,
        ProposeDownstreamJob, PullFromUpstreamJob, KojiBuildJob, BodhiUpdateJob, SyncFromDownstreamJob,
        KojiBuildTagJob {
    /** The keys every job has. */
    JobCommon common();

    /** The {@code job} value in packit.yaml, e.g. {@code copr_build}. */
    String key();

    /** Whether this job releases into Fedora (runs for top-level packages only, after its dependencies). */
    boolean releases();

    /**
     * Whether this job builds in Copr for {@code packageName} on Packit's {@code fedora-stable} when it names no
     * targets: copr_build jobs do, and tests jobs that build nothing ({@code skip_build}) or have no copr_build job
     * of their trigger for the package (Packit then builds for them); other jobs have no Copr targets.
     *
     * @param jobs every job of the file
     */
    boolean takesDefaultTargets(String packageName, List<JobConfig> jobs);

    /** This job with other effective settings per package. */
    JobConfig withPerPackage(Map<String, PackageSettings> perPackage);

    /** The {@code visitor}'s case for this job's type. */
    <R> R accept(Visitor<R> visitor);

    /** Position of the job in the file's {@code jobs} list (0-based; expanded triggers share it). */
    default int index() {
        return common().index();
    }

    /** Its one trigger. */
    default Trigger trigger() {
        return common().trigger();
    }

    /** {@code identifier} as written on the job (or inherited); empty when unset. */
    default String identifier() {
        return common().identifier();
    }

    /** Whether it only runs when asked for. */
    default boolean manualTrigger() {
        return common().manualTrigger();
    }

    /** The packages it applies to, with where each was selected. */
    default List<PackageRef> packages() {
        return common().packages();
    }

    /** Package name → effective settings within this job. */
    default Map<String, PackageSettings> perPackage() {
        return common().perPackage();
    }

    /** Where the job's mapping starts. */
    default SourcePosition position() {
        return common().position();
    }

    /** Job-level key → where it was written. */
    default Map<String, SourcePosition> keyPositions() {
        return common().keyPositions();
    }

    /** The names of the packages the job applies to, in order. */
    default List<String> packageNames() {
        return packages().stream().map(PackageRef::name).toList();
    }

    /** Where job-level {@code key} was written, or the job's own position when it was not. */
    default SourcePosition positionOf(String key) {
        return keyPositions().getOrDefault(key, position());
    }

    /** {@code jobs[index]}, the way problems name a job. */
    default String path() {
        return "jobs[" + index() + "]";
    }

    /**
     * One case per job type, for what other packages decide per type (the planner's nodes, Packit's command
     * line): adding a type adds a case, and every visitor fails to compile until it handles it.
     *
     * @param <R> what the visitor makes of a job
     */
    interface Visitor<R> {
        R coprBuild(CoprBuildJob job);

        R tests(TestsJob job);

        R upstreamKojiBuild(UpstreamKojiBuildJob job);

        R vmImageBuild(VmImageBuildJob job);

        R proposeDownstream(ProposeDownstreamJob job);

        R pullFromUpstream(PullFromUpstreamJob job);

        R kojiBuild(KojiBuildJob job);

        R bodhiUpdate(BodhiUpdateJob job);

        R syncFromDownstream(SyncFromDownstreamJob job);

        R kojiBuildTag(KojiBuildTagJob job);
    }
}
