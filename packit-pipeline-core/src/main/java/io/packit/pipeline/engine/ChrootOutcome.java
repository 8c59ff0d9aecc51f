package io.packit.pipeline.engine;

import java.util.Objects;

/**
 * One chroot of a build node: its state, why (for failures and skips) and where its results are.
 *
 * @param state  the chroot's state
 * @param reason empty, or the failure message or skip root cause
 * @param url    empty, or the chroot's results URL
 */
public record ChrootOutcome(NodeState state, String reason, String url) {
    public ChrootOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(url, "url");
    }

    /** A chroot in {@code state} with no reason and no URL. */
    public static ChrootOutcome of(NodeState state) {
        return new ChrootOutcome(state, "", "");
    }
}
