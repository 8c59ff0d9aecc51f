package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Objects;

/**
 * A Copr build as {@code GET /build/{id}} returns it (reference §1.8).
 *
 * @param id the build id
 * @param stateName the overall state as Copr names it
 * @param ownername the owner ({@code jdoe} or {@code @group})
 * @param projectname the project
 * @param projectDirname the CoprDir
 * @param repoUrl the project's results base URL (no chroot suffix)
 * @param sourcePackage name, version and URL of the SRPM; name and version known after the SRPM build
 * @param submittedOn epoch seconds
 * @param startedOn epoch seconds of the first chroot start, null before
 * @param endedOn epoch seconds of the last chroot end, null while any chroot has none
 * @param submitter the user name, may be null
 * @param chroots the build chroots' names, empty until decided
 * @param background whether it runs in the low-priority queue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoprBuild(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "state", required = true) String stateName,
        @JsonProperty(value = "ownername", required = true) String ownername,
        @JsonProperty(value = "projectname", required = true) String projectname,
        @CheckForNull @JsonProperty("project_dirname") String projectDirname,
        @CheckForNull @JsonProperty("repo_url") String repoUrl,
        @CheckForNull @JsonProperty("source_package") SourcePackage sourcePackage,
        @JsonProperty("submitted_on") long submittedOn,
        @CheckForNull @JsonProperty("started_on") Long startedOn,
        @CheckForNull @JsonProperty("ended_on") Long endedOn,
        @CheckForNull @JsonProperty("submitter") String submitter,
        @JsonProperty("chroots") List<String> chroots,
        @JsonProperty("is_background") boolean background) {

    /** Validates and copies. */
    public CoprBuild {
        Objects.requireNonNull(stateName, "state");
        Objects.requireNonNull(ownername, "ownername");
        Objects.requireNonNull(projectname, "projectname");
        chroots = chroots == null ? List.of() : List.copyOf(chroots);
    }

    /**
     * Returns the overall state.
     *
     * @return the parsed state
     */
    public CoprState state() {
        return CoprState.fromWire(stateName);
    }

    /**
     * The SRPM of a build.
     *
     * @param name the package name, null before the SRPM build
     * @param version the version, null before the SRPM build
     * @param url the SRPM URL
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SourcePackage(
            @CheckForNull @JsonProperty("name") String name,
            @CheckForNull @JsonProperty("version") String version,
            @CheckForNull @JsonProperty("url") String url) {
    }
}
