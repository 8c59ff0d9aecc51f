package io.packit.pipeline.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The job types the loader reads (packit-config.md §1.7), in Packit's order: each type's {@code job} value, the
 * job-only keys that belong to it, and how its record is made. The one place that maps a {@code job} value to a
 * {@link JobConfig} record.
 */
final class JobTypes {
    /**
     * One job type.
     *
     * @param key      the {@code job} value
     * @param ownKeys  the job-only keys of this type (our extension {@code build_identifier} is refused elsewhere)
     * @param internal empty for a type users write; else why they should not (a warning when they do)
     * @param make     the type's record, from the keys every job has and the checked job-only keys
     */
    record JobType(String key, Set<String> ownKeys, String internal, BiFunction<JobCommon, JobKeys, JobConfig> make) {
        JobType {
            Objects.requireNonNull(key, "key");
            ownKeys = Set.copyOf(ownKeys);
            Objects.requireNonNull(internal, "internal");
            Objects.requireNonNull(make, "make");
        }
    }

    static final List<JobType> ALL = List.of(
            new JobType(CoprBuildJob.KEY, Set.of(), "", (common, keys) -> new CoprBuildJob(common)),
            new JobType(TestsJob.KEY, TestsJob.OWN_KEYS, "", TestsJob::read),
            new JobType(UpstreamKojiBuildJob.KEY, Set.of(), "", (common, keys) -> new UpstreamKojiBuildJob(common)),
            new JobType(VmImageBuildJob.KEY, Set.of(), "", (common, keys) -> new VmImageBuildJob(common)),
            new JobType(ProposeDownstreamJob.KEY, Set.of(), "", (common, keys) -> new ProposeDownstreamJob(common)),
            new JobType(PullFromUpstreamJob.KEY, Set.of(), "", (common, keys) -> new PullFromUpstreamJob(common)),
            new JobType(KojiBuildJob.KEY, KojiBuildJob.OWN_KEYS, "", KojiBuildJob::read),
            new JobType(BodhiUpdateJob.KEY, BodhiUpdateJob.OWN_KEYS, "", BodhiUpdateJob::read),
            new JobType(SyncFromDownstreamJob.KEY, Set.of(), "", (common, keys) -> new SyncFromDownstreamJob(common)),
            new JobType(KojiBuildTagJob.KEY, Set.of(),
                    "the service creates it for Koji tag events by itself", (common, keys) -> new KojiBuildTagJob(common)));

    private JobTypes() {
    }

    /** The type whose {@code job} value is {@code key}, if any. */
    static Optional<JobType> of(String key) {
        return ALL.stream().filter(type -> type.key().equals(key)).findFirst();
    }

    /** The {@code job} values users write, in order. */
    static List<String> writtenKeys() {
        return ALL.stream().filter(type -> type.internal().isEmpty()).map(JobType::key).toList();
    }

    /** The types that own job-only {@code key}, as a message names them ({@code tests}). */
    static String owners(String key) {
        return ALL.stream().filter(type -> type.ownKeys().contains(key)).map(JobType::key)
                .collect(Collectors.joining(" and "));
    }
}
