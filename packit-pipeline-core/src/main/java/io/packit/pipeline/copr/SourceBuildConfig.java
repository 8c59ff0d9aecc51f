package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a build's SRPM was made, {@code GET /api_3/build/source-build-config/{id}}: the one place Copr keeps what a
 * build was built from (its build JSON has no commit). Facts from fedora-copr/copr at
 * 5d37cd838218ab0097d1da08b1682094b95b9ac6: {@code frontend/coprs_frontend/coprs/views/apiv3_ns/apiv3_builds.py}
 * lines 70-77 ({@code to_source_build_config}: {@code source_type}, {@code source_dict}, {@code memory_limit},
 * {@code timeout}, {@code is_background}) and 202-212 (the route, anonymous); for a custom build the source dict is
 * {@code script}, {@code chroot}, {@code builddeps}, {@code resultdir}, {@code repos}
 * ({@code coprs/logic/builds_logic.py} lines 631-655), the script ending with a newline
 * ({@code coprs/forms.py} lines 1077-1092) and list values joined with spaces ({@code views/apiv3_ns/json2form.py}
 * lines 5-30).
 *
 * @param sourceType {@code custom}, {@code scm}, {@code link} (SRPM URL), {@code upload}, {@code distgit}, …
 * @param sourceDict the source's fields as stored
 * @param timeout    the build's timeout in seconds, null when Copr has none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceBuildConfig(
        @JsonProperty(value = "source_type", required = true) String sourceType,
        @JsonProperty("source_dict") Map<String, Object> sourceDict,
        @CheckForNull @JsonProperty("timeout") Integer timeout) {

    /** Validates and copies. */
    public SourceBuildConfig {
        Objects.requireNonNull(sourceType, "source_type");
        sourceDict = sourceDict == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sourceDict));
    }

    /**
     * The script of a build by the custom method.
     *
     * @return the script, empty for other methods
     */
    public Optional<String> script() {
        return "custom".equals(sourceType) && sourceDict.get("script") instanceof String script
                ? Optional.of(script) : Optional.empty();
    }
}
