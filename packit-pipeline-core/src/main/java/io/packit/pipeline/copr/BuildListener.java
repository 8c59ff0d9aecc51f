package io.packit.pipeline.copr;

/**
 * Hears what {@link BuildWaiter} sees, once per change: the SRPM build's end, chroot state changes, each chroot's
 * end (exactly once per chroot), and each build's end.
 */
public interface BuildListener {
    /**
     * The SRPM build of a build ended (reported from {@code /build/source-chroot}).
     *
     * @param buildId the build
     * @param srpm its state and result URL
     */
    default void srpmFinished(long buildId, SourceChroot srpm) {
    }

    /**
     * A chroot changed to a state that is not final (e.g. pending → running).
     *
     * @param buildId the build
     * @param chroot the chroot as Copr reports it now
     */
    default void chrootChanged(long buildId, CoprBuildChroot chroot) {
    }

    /**
     * A chroot ended; called once per chroot.
     *
     * @param result the chroot's final state, result and log URLs
     */
    void chrootFinished(ChrootResult result);

    /**
     * A build ended: every chroot has been reported.
     *
     * @param build the build as Copr reports it now
     */
    default void buildFinished(CoprBuild build) {
    }
}
