package io.packit.pipeline.forge;

/** Where forge statuses go: the Jenkins Checks API, a test's recording. */
@FunctionalInterface
public interface ForgeStatusPublisher {
    /**
     * Publishes {@code status}, replacing the forge's status of the same name. Called from one thread at a time, in
     * the order the statuses changed; may block on the network.
     *
     * @param status the status
     */
    void publish(ForgeStatus status);

    /**
     * Told when {@link #publish} threw: the status is not retried (the next change of that status publishes it
     * again), and the run goes on.
     *
     * @param status the status that was not published
     * @param failure what {@code publish} threw
     */
    default void failed(ForgeStatus status, RuntimeException failure) {
        // nothing by default
    }
}
