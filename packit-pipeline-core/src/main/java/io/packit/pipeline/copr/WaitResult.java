package io.packit.pipeline.copr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a wait ended with.
 *
 * @param ending why the wait stopped
 * @param chroots every chroot that ended, in the order seen
 * @param builds the last state seen of every build, by id
 * @param unfinished ids of builds that had not ended when the wait stopped
 * @param calls HTTP calls the wait made (retries inside one call not counted)
 */
public record WaitResult(Ending ending, List<ChrootResult> chroots, Map<Long, CoprBuild> builds, List<Long> unfinished,
        long calls) {
    /** Validates and copies. */
    public WaitResult {
        Objects.requireNonNull(ending, "ending");
        chroots = List.copyOf(chroots);
        builds = Map.copyOf(builds);
        unfinished = List.copyOf(unfinished);
    }

    /**
     * Returns whether every build ended and every chroot succeeded (or was forked from a success).
     *
     * @return true when all is well
     */
    public boolean isAllSucceeded() {
        return ending == Ending.ALL_FINISHED && !chroots.isEmpty() && chroots.stream().allMatch(ChrootResult::isSuccess)
                && builds.values().stream().allMatch(build -> build.state().isSuccess());
    }

    /** Why a wait stopped. */
    public enum Ending {
        /** Every build ended. */
        ALL_FINISHED,
        /** The deadline passed first. */
        DEADLINE,
        /** The cap on HTTP calls was reached first. */
        CALL_CAP,
        /** The waiting thread was interrupted (e.g. Ctrl-C). */
        INTERRUPTED
    }
}
