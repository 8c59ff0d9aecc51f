package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Map;
import java.util.Objects;

/**
 * One package of a project as {@code GET /api_3/monitor} returns it: for each active chroot of the project, the
 * chroot of the package's newest build there (the highest build id among the builds of that package in the CoprDir
 * that have that chroot). Builds are on the monitor only once Copr knows their package, which for builds from an
 * SRPM, a URL or SCM happens when the SRPM build succeeds; a build of a package is not shown in a chroot where a newer
 * build of the same package exists. Facts from fedora-copr/copr at 5d37cd838218ab0097d1da08b1682094b95b9ac6:
 * {@code frontend/coprs_frontend/coprs/views/apiv3_ns/apiv3_monitor.py},
 * {@code frontend/coprs_frontend/coprs/logic/builds_logic.py} ({@code BuildsMonitorLogic}),
 * {@code frontend/coprs_frontend/tests/test_apiv3/test_monitor.py}.
 *
 * @param name the package name
 * @param chroots chroot name → that chroot of the package's newest build in it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitoredPackage(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("chroots") Map<String, LatestChroot> chroots) {

    /** Validates and copies. */
    public MonitoredPackage {
        Objects.requireNonNull(name, "name");
        chroots = chroots == null ? Map.of() : Map.copyOf(chroots);
    }

    /**
     * One chroot entry of the monitor.
     *
     * @param buildId the build this chroot belongs to
     * @param stateName the chroot's state as Copr names it
     * @param status the numeric state (reference §1.13), null when Copr has none
     * @param pkgVersion the version of the package the build made, null before its SRPM build ended
     * @param buildLogUrl {@code builder-live.log} while running, {@code builder-live.log.gz} once succeeded, failed
     *     or canceled, null otherwise (no result directory yet, or forked/skipped/waiting/pending/starting); present
     *     only when asked for with {@code additional_fields[]=url_build_log}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LatestChroot(
            @JsonProperty(value = "build_id", required = true) long buildId,
            @JsonProperty(value = "state", required = true) String stateName,
            @CheckForNull @JsonProperty("status") Integer status,
            @CheckForNull @JsonProperty("pkg_version") String pkgVersion,
            @CheckForNull @JsonProperty("url_build_log") String buildLogUrl) {

        /** Validates. */
        public LatestChroot {
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

        /**
         * Returns the chroot's result directory: the build log URL without the log's file name, which is how Copr
         * makes it ({@code result_dir_url} joined with the log name).
         *
         * @return the directory with a trailing slash, null without a build log URL
         */
        @CheckForNull
        public String resultUrl() {
            if (buildLogUrl == null || buildLogUrl.lastIndexOf('/') < 0) {
                return null;
            }
            return buildLogUrl.substring(0, buildLogUrl.lastIndexOf('/') + 1);
        }
    }
}
