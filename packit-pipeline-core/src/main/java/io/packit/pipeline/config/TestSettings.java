package io.packit.pipeline.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Testing Farm keys of a package or job (packit-config.md §1.5, "Tests"), effective after inheritance.
 *
 * @param fmfUrl                     git repo with the fmf tree; empty: the project's own
 * @param fmfRef                     revision; empty: the event's commit
 * @param fmfPath                    fmf root, normalised ({@code .} for the root)
 * @param tmtPlan                    plan name regex; empty: all plans
 * @param tfPostInstallScript        {@code settings.provisioning.post_install_script}; empty when unset
 * @param tfExtraParams              deep-merged into the request (plain Java values: String, Boolean, Number, List, Map)
 * @param env                        environment variables, values as strings
 * @param useInternalTf              the Red Hat ranch instead of the public one
 * @param skipMissingBranchedComposes skip freshly branched Fedora without a compose
 */
public record TestSettings(
        String fmfUrl,
        String fmfRef,
        String fmfPath,
        String tmtPlan,
        String tfPostInstallScript,
        Map<String, Object> tfExtraParams,
        Map<String, String> env,
        boolean useInternalTf,
        boolean skipMissingBranchedComposes) {
    /** Packit's defaults. */
    public static final TestSettings DEFAULTS = new TestSettings("", "", ".", "", "", Map.of(), Map.of(), false, false);

    public TestSettings {
        Objects.requireNonNull(fmfUrl, "fmfUrl");
        Objects.requireNonNull(fmfRef, "fmfRef");
        Objects.requireNonNull(fmfPath, "fmfPath");
        Objects.requireNonNull(tmtPlan, "tmtPlan");
        Objects.requireNonNull(tfPostInstallScript, "tfPostInstallScript");
        tfExtraParams = Collections.unmodifiableMap(new LinkedHashMap<>(tfExtraParams));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }
}
