package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * One chroot of a build as {@code GET /build-chroot/list} returns it (reference §1.9).
 *
 * @param name the chroot, e.g. {@code fedora-41-x86_64}
 * @param stateName the state as Copr names it
 * @param startedOn epoch seconds, null before
 * @param endedOn epoch seconds, null before
 * @param resultUrl the result directory (trailing slash), null until it exists
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoprBuildChroot(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "state", required = true) String stateName,
        @CheckForNull @JsonProperty("started_on") Long startedOn,
        @CheckForNull @JsonProperty("ended_on") Long endedOn,
        @CheckForNull @JsonProperty("result_url") String resultUrl) {

    /** Validates. */
    public CoprBuildChroot {
        Objects.requireNonNull(name, "name");
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
