package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * One chroot of a build node: its state, why (for failures and skips) and where its results are.
 *
 * @param state  the chroot's state
 * @param reason empty, or the failure message or skip root cause; for a reused chroot, which build it took
 * @param url    empty, or the chroot's results URL
 * @param reused the Copr build taken instead of building, when {@code state} is {@link NodeState#REUSED}; else null
 */
public record ChrootOutcome(NodeState state, String reason, String url, @CheckForNull ReusedBuild reused) {
    public ChrootOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(url, "url");
        if ((state == NodeState.REUSED) != (reused != null)) {
            throw new IllegalArgumentException("a chroot is reused exactly when it names the build it reuses");
        }
    }

    /** A chroot that was not reused. */
    public ChrootOutcome(NodeState state, String reason, String url) {
        this(state, reason, url, null);
    }

    /** A chroot that takes {@code build} instead of building, with the results at {@code url}. */
    public static ChrootOutcome reused(ReusedBuild build, String url) {
        return new ChrootOutcome(NodeState.REUSED, build.describe(), url, build);
    }

    /** A chroot in {@code state} with no reason and no URL. */
    public static ChrootOutcome of(NodeState state) {
        return new ChrootOutcome(state, "", "");
    }
}
