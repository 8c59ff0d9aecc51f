package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Objects;

/**
 * The end of one chroot of a build.
 *
 * @param buildId the build
 * @param chroot the chroot name
 * @param state the final state (canceled or failed also when Copr ended the build before the chroot did)
 * @param resultUrl the result directory, null when Copr gives none (e.g. skipped)
 * @param logUrl the builder log, null when there is no result directory
 * @param repoUrl the chroot's repository in the project, null when the build has no {@code repo_url}
 * @param seenAt when the waiter saw the end
 */
public record ChrootResult(long buildId, String chroot, CoprState state, @CheckForNull String resultUrl,
        @CheckForNull String logUrl, @CheckForNull String repoUrl, Instant seenAt) {
    /** Validates. */
    public ChrootResult {
        Objects.requireNonNull(chroot, "chroot");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /**
     * Returns whether the chroot's result can be used (succeeded or forked).
     *
     * @return true on success
     */
    public boolean isSuccess() {
        return state.isSuccess();
    }
}
