package io.packit.pipeline.testingfarm;

/** Testing Farm's xunit could not be read (not XML, a DOCTYPE, no {@code <testsuites>}). */
public class InvalidXunitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Says what is wrong with the xunit and where it came from. */
    public InvalidXunitException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Says what is wrong with the xunit and where it came from. */
    public InvalidXunitException(String message) {
        super(message);
    }
}
