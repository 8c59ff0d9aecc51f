package io.packit.pipeline.graph;

import io.packit.pipeline.config.Trigger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plan is made for: a pull request, a commit, a release, or every trigger at once (for rendering a
 * Jenkinsfile, where each node then carries its {@link RunCondition}).
 */
public sealed interface Event permits Event.PullRequest, Event.Commit, Event.Release, Event.AllTriggers {
    /** The trigger jobs must have to run for this event; empty for {@link AllTriggers}. */
    Optional<Trigger> trigger();

    /** The changed paths (repository-relative, {@code /}-separated); empty when unknown (then all packages run). */
    List<String> changedPaths();

    /**
     * A pull request.
     *
     * @param targetBranch the branch it merges into
     * @param id           the PR number (0 when unknown)
     * @param changedPaths changed files; empty when unknown
     * @param labels       labels on the PR
     */
    record PullRequest(String targetBranch, int id, List<String> changedPaths, List<String> labels) implements Event {
        public PullRequest {
            Objects.requireNonNull(targetBranch, "targetBranch");
            changedPaths = List.copyOf(changedPaths);
            labels = List.copyOf(labels);
        }

        @Override
        public Optional<Trigger> trigger() {
            return Optional.of(Trigger.PULL_REQUEST);
        }
    }

    /**
     * A push to a branch.
     *
     * @param branch       the pushed branch
     * @param changedPaths changed files; empty when unknown
     */
    record Commit(String branch, List<String> changedPaths) implements Event {
        public Commit {
            Objects.requireNonNull(branch, "branch");
            changedPaths = List.copyOf(changedPaths);
        }

        @Override
        public Optional<Trigger> trigger() {
            return Optional.of(Trigger.COMMIT);
        }
    }

    /**
     * A release (a tag).
     *
     * @param tag the tag name
     */
    record Release(String tag) implements Event {
        public Release {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public Optional<Trigger> trigger() {
            return Optional.of(Trigger.RELEASE);
        }

        @Override
        public List<String> changedPaths() {
            return List.of();
        }
    }

    /** Every trigger at once: nodes are planned for all jobs and carry their run conditions. */
    record AllTriggers() implements Event {
        @Override
        public Optional<Trigger> trigger() {
            return Optional.empty();
        }

        @Override
        public List<String> changedPaths() {
            return List.of();
        }
    }
}
