package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobView;
import java.util.List;
import java.util.Objects;

/**
 * One unit of work in a plan.
 *
 * @param id         stable id
 * @param view       the job and package it comes from, with the effective settings (implicit builds carry the
 *                   tests job's view)
 * @param chroots    builds: the chroots built (none when {@link #chrootsAtRunTime()}); tests: the one build chroot
 *                   it tests; others: empty
 * @param testTarget tests: the Testing Farm target ({@code <distro>-<arch>}, e.g. {@code centos-stream-9-x86_64});
 *                   empty for other kinds
 * @param implicit   whether the planner added it (a build for tests that have no copr_build job)
 * @param condition  when it runs
 * @param skipReason empty when it runs for the plan's event; else why not, e.g. {@code unchanged},
 *                   {@code manual job not requested}, {@code branch 'x' does not match 'main'}
 * @param reuse      builds: which existing Copr builds the run may take instead of submitting one; {@link Reuse#NONE}
 *                   for other kinds
 */
public record Node(
        NodeId id,
        JobView view,
        List<String> chroots,
        String testTarget,
        boolean implicit,
        RunCondition condition,
        String skipReason,
        Reuse reuse) {
    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(view, "view");
        chroots = List.copyOf(chroots);
        Objects.requireNonNull(testTarget, "testTarget");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(skipReason, "skipReason");
        Objects.requireNonNull(reuse, "reuse");
        if (reuse != Reuse.NONE && id.kind() != NodeKind.SRPM && id.kind() != NodeKind.COPR_BUILD) {
            throw new IllegalArgumentException(id + " is no build: only srpm and copr_build nodes are reused");
        }
    }

    /** A node that is always built (or is no build). */
    public Node(NodeId id, JobView view, List<String> chroots, String testTarget, boolean implicit,
            RunCondition condition, String skipReason) {
        this(id, view, chroots, testTarget, implicit, condition, skipReason, Reuse.NONE);
    }

    /** This node skipped for {@code reason} (or run, when empty), reused as before. */
    public Node withSkipReason(String reason) {
        return new Node(id, view, chroots, testTarget, implicit, condition, reason, reuse);
    }

    /** This node with another reuse. */
    public Node withReuse(Reuse newReuse) {
        return new Node(id, view, chroots, testTarget, implicit, condition, skipReason, newReuse);
    }

    /** The node's kind. */
    public NodeKind kind() {
        return id.kind();
    }

    /**
     * Whether this is a build whose chroots are its Copr project's, read from Copr when it is submitted (a
     * copr_build job with its own {@code owner}/{@code project} and no {@code targets},
     * {@link JobView#buildsInProjectChroots}), planned without chroots.
     */
    public boolean chrootsAtRunTime() {
        return kind() == NodeKind.COPR_BUILD && !implicit && chroots.isEmpty() && view.buildsInProjectChroots();
    }

    /** Whether the node runs for the plan's event. */
    public boolean runs() {
        return skipReason.isEmpty();
    }
}
