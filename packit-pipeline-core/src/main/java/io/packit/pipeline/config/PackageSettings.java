package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The common keys (valid at top level, in {@code packages.<name>} and in jobs) as they apply to one package,
 * or to one package within one job, after Packit's inheritance (whole-value replacement:
 * top level &lt; package &lt; job &lt; job.packages.&lt;name&gt;).
 *
 * @param specfilePath          spec path relative to the repository root; empty when not known
 * @param upstreamPackageName   upstream name; empty: the repository name
 * @param downstreamPackageName dist-git package name; empty: the repository name
 * @param upstreamProjectUrl    upstream git URL; empty when unset
 * @param paths                 repository sub-paths of the package (default {@code ["./"]})
 * @param targets               {@code targets}, written and resolved
 * @param branch                {@code branch} regex (commit: pushed branch; pull request: target branch); empty when unset
 * @param identifier            {@code identifier}; empty when unset
 * @param packitInstances       {@code packit_instances} (default {@code ["prod"]})
 * @param require               {@code require.label} gating
 * @param upstreamTagInclude    regex; empty when unset
 * @param upstreamTagExclude    regex; empty when unset
 * @param upstreamTagTemplate   default {@code {version}}
 * @param actions               {@code actions}: action name → commands (a single string becomes one command)
 * @param copr                  Copr keys
 * @param tests                 Testing Farm keys
 * @param release               Fedora release keys
 * @param otherKeys             every other key given, as plain Java values (kept, not acted on)
 * @param positions             key → where its effective value was written (only for keys given in the file)
 */
public record PackageSettings(
        String specfilePath,
        String upstreamPackageName,
        String downstreamPackageName,
        String upstreamProjectUrl,
        List<String> paths,
        Targets targets,
        String branch,
        String identifier,
        List<String> packitInstances,
        LabelRequirement require,
        String upstreamTagInclude,
        String upstreamTagExclude,
        String upstreamTagTemplate,
        Map<String, List<String>> actions,
        CoprSettings copr,
        TestSettings tests,
        ReleaseSettings release,
        Map<String, Object> otherKeys,
        Map<String, SourcePosition> positions) {
    public PackageSettings {
        Objects.requireNonNull(specfilePath, "specfilePath");
        Objects.requireNonNull(upstreamPackageName, "upstreamPackageName");
        Objects.requireNonNull(downstreamPackageName, "downstreamPackageName");
        Objects.requireNonNull(upstreamProjectUrl, "upstreamProjectUrl");
        paths = List.copyOf(paths);
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(identifier, "identifier");
        packitInstances = List.copyOf(packitInstances);
        Objects.requireNonNull(require, "require");
        Objects.requireNonNull(upstreamTagInclude, "upstreamTagInclude");
        Objects.requireNonNull(upstreamTagExclude, "upstreamTagExclude");
        Objects.requireNonNull(upstreamTagTemplate, "upstreamTagTemplate");
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        Objects.requireNonNull(copr, "copr");
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(release, "release");
        otherKeys = Collections.unmodifiableMap(new LinkedHashMap<>(otherKeys));
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    /**
     * Whether a Copr build with these settings builds in the chroots its Copr project has, known only at run time:
     * it names its own project ({@link CoprSettings#customProject}) and no {@code targets}. packit-service builds a
     * copr_build job so (packit/packit-service@b828c3d7 packit_service/worker/helpers/build/build_helper.py:86
     * {@code configured_build_targets}, copr_build.py:1013 {@code get_configured_targets}), in {@code fedora-stable}
     * when the project has none.
     */
    public boolean buildsInProjectChroots() {
        return targets.isEmpty() && copr.customProject();
    }

    /** These settings with other {@code targets}. */
    public PackageSettings withTargets(Targets newTargets) {
        return new PackageSettings(specfilePath, upstreamPackageName, downstreamPackageName, upstreamProjectUrl, paths,
                newTargets, branch, identifier, packitInstances, require, upstreamTagInclude, upstreamTagExclude,
                upstreamTagTemplate, actions, copr, tests, release, otherKeys, positions);
    }

    /** These settings with another {@code branch} regex. */
    public PackageSettings withBranch(String newBranch) {
        return new PackageSettings(specfilePath, upstreamPackageName, downstreamPackageName, upstreamProjectUrl, paths,
                targets, newBranch, identifier, packitInstances, require, upstreamTagInclude, upstreamTagExclude,
                upstreamTagTemplate, actions, copr, tests, release, otherKeys, positions);
    }

    /** These settings with other release keys. */
    public PackageSettings withRelease(ReleaseSettings newRelease) {
        return new PackageSettings(specfilePath, upstreamPackageName, downstreamPackageName, upstreamProjectUrl, paths,
                targets, branch, identifier, packitInstances, require, upstreamTagInclude, upstreamTagExclude,
                upstreamTagTemplate, actions, copr, tests, newRelease, otherKeys, positions);
    }

    /** Where {@code key}'s effective value was written, or {@code fallback} when it was not written (defaulted). */
    public SourcePosition positionOf(String key, SourcePosition fallback) {
        return positions.getOrDefault(key, fallback);
    }
}
