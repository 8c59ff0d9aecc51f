package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * The SRPM build of a build, {@code GET /build/source-chroot/{id}} (reference §1.9).
 *
 * @param stateName the SRPM build's state as Copr names it
 * @param resultUrl the {@code srpm-builds} result directory, may be null early
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceChroot(
        @JsonProperty(value = "state", required = true) String stateName,
        @CheckForNull @JsonProperty("result_url") String resultUrl) {

    /** Validates. */
    public SourceChroot {
        Objects.requireNonNull(stateName, "state");
    }

    /**
     * Returns the state.
     *
     * @return the parsed state
     */
    public CoprState state() {
        return CoprState.fromWire(stateName);
    }
}
