package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What to test where, as plain values: the engine maps a {@code tests} job of {@code .packit.yaml} (and the
 * Copr builds it waits for) to this; the command line builds one from its options.
 * {@link TestRequestFactory} turns it into Testing Farm requests, one per test target.
 *
 * @param chroot            the Copr chroot of the build under test ({@code epel-9-x86_64}); with
 *                          {@code skipBuild} the test target itself
 * @param distros           the tests job's per-target {@code distros} for this chroot; empty for the default mapping
 * @param fmf               where the tmt tests come from
 * @param builds            the build under test and the builds of packages it depends on, each for {@code chroot};
 *                          empty with {@code skipBuild}
 * @param variables         predefined variables (Packit's {@code PACKIT_*}), overridden by {@code env}
 * @param env               the job's {@code env}, exported to the tests
 * @param secrets           variables Testing Farm hides in its API output; never printed by us
 * @param trigger           the tmt context {@code trigger} ({@code commit}, as Packit always sends)
 * @param initiator         the tmt context {@code initiator} ({@code packit}, so plans that adjust for Packit keep working)
 * @param postInstallScript the job's {@code tf_post_install_script}, or {@code null}
 * @param extraParams       the job's {@code tf_extra_params}: YAML-shaped values (maps, lists, strings, numbers,
 *                          booleans, null); only {@code environments}, {@code test} and {@code settings} are merged
 * @param skipBuild         the job's {@code skip_build}: test without any Copr build installed
 * @param ranch             the Testing Farm ranch the API key belongs to
 * @param compose           a Testing Farm compose to test on instead of the one mapped from the chroot (the tmt
 *                          distro is then the compose in lower case), or {@code null}; excludes {@code distros}
 */
public record TestRequestSpec(
        String chroot,
        List<String> distros,
        FmfSource fmf,
        List<CoprBuildArtifact> builds,
        Map<String, String> variables,
        Map<String, String> env,
        Map<String, String> secrets,
        String trigger,
        String initiator,
        @CheckForNull String postInstallScript,
        Map<String, Object> extraParams,
        boolean skipBuild,
        Ranch ranch,
        @CheckForNull String compose) {

    /** Validates and copies; keeps the order of maps (the request is deterministic). */
    public TestRequestSpec {
        Objects.requireNonNull(chroot, "chroot");
        TestTarget.parse(chroot);
        distros = List.copyOf(Objects.requireNonNull(distros, "distros"));
        Objects.requireNonNull(fmf, "fmf");
        builds = List.copyOf(Objects.requireNonNull(builds, "builds"));
        variables = orderedCopy(variables, "variables");
        env = orderedCopy(env, "env");
        secrets = orderedCopy(secrets, "secrets");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(initiator, "initiator");
        extraParams = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extraParams, "extraParams")));
        Objects.requireNonNull(ranch, "ranch");
        if (compose != null && (compose.isBlank() || !distros.isEmpty())) {
            throw new IllegalArgumentException("a test request for " + chroot
                    + " takes either a compose or distros, not both (compose '" + compose + "', distros " + distros + ")");
        }
        if (skipBuild && !builds.isEmpty()) {
            throw new IllegalArgumentException("a skip_build test request for " + chroot + " takes no Copr builds, got "
                    + builds.stream().map(CoprBuildArtifact::artifactId).toList());
        }
        if (!skipBuild && builds.isEmpty()) {
            throw new IllegalArgumentException("the test request for " + chroot
                    + " needs the Copr build to test (or skip_build: true to test without one)");
        }
        for (CoprBuildArtifact build : builds) {
            if (!TestTarget.parse(build.chroot()).arch().equals(TestTarget.parse(chroot).arch())) {
                throw new IllegalArgumentException("Copr build " + build.artifactId() + " is not for the arch of " + chroot);
            }
        }
    }

    /** Starts a spec for the Copr build chroot {@code chroot} with tests from {@code fmf}. */
    public static Builder builder(String chroot, FmfSource fmf) {
        return new Builder(chroot, fmf);
    }

    /** Never shows secret values, only their names; of {@code extraParams} (which may carry secrets) only the keys. */
    @Override
    public String toString() {
        return "TestRequestSpec[chroot=" + chroot + ", distros=" + distros + ", fmf=" + fmf + ", builds="
                + builds.stream().map(CoprBuildArtifact::artifactId).toList() + ", variables=" + variables
                + ", env=" + env + ", secrets=" + new TreeSet<>(secrets.keySet()) + " (values hidden), trigger="
                + trigger + ", initiator=" + initiator + ", postInstallScript=" + postInstallScript + ", extraParams="
                + extraParams.keySet() + " (values hidden), skipBuild=" + skipBuild + ", ranch=" + ranch + ", compose=" + compose + "]";
    }

    private static Map<String, String> orderedCopy(Map<String, String> map, String name) {
        Objects.requireNonNull(map, name);
        var copy = new LinkedHashMap<String, String>();
        map.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, name + " key"), Objects.requireNonNull(value, name + "[" + key + "]")));
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a {@link TestRequestSpec} step by step; defaults: public ranch, trigger {@code commit}, initiator {@code packit}. */
    public static final class Builder {
        private final String chroot;
        private final FmfSource fmf;
        private final List<String> distros = new ArrayList<>();
        private final List<CoprBuildArtifact> builds = new ArrayList<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final Map<String, Object> extraParams = new LinkedHashMap<>();
        private String trigger = "commit";
        private String initiator = "packit";
        @CheckForNull
        private String postInstallScript;
        private boolean skipBuild;
        private Ranch ranch = Ranch.PUBLIC;
        @CheckForNull
        private String compose;

        private Builder(String chroot, FmfSource fmf) {
            this.chroot = Objects.requireNonNull(chroot, "chroot");
            this.fmf = Objects.requireNonNull(fmf, "fmf");
        }

        /** Tests on these distros instead of the default one for the chroot. */
        public Builder distros(List<String> distros) {
            this.distros.addAll(distros);
            return this;
        }

        /** Adds a Copr build to install (the build under test first, then the builds it depends on). */
        public Builder build(CoprBuildArtifact build) {
            builds.add(Objects.requireNonNull(build, "build"));
            return this;
        }

        /** Adds a predefined variable. */
        public Builder variable(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /** Adds user environment variables. */
        public Builder env(Map<String, String> env) {
            this.env.putAll(env);
            return this;
        }

        /** Adds secret variables. */
        public Builder secrets(Map<String, String> secrets) {
            this.secrets.putAll(secrets);
            return this;
        }

        /** Sets the tmt context trigger. */
        public Builder trigger(String trigger) {
            this.trigger = trigger;
            return this;
        }

        /** Sets the tmt context initiator. */
        public Builder initiator(String initiator) {
            this.initiator = initiator;
            return this;
        }

        /** Sets {@code tf_post_install_script}. */
        public Builder postInstallScript(@CheckForNull String script) {
            this.postInstallScript = script;
            return this;
        }

        /** Sets {@code tf_extra_params}. */
        public Builder extraParams(Map<String, ?> extraParams) {
            this.extraParams.putAll(extraParams);
            return this;
        }

        /** Sets {@code skip_build}. */
        public Builder skipBuild(boolean skipBuild) {
            this.skipBuild = skipBuild;
            return this;
        }

        /** Sets the ranch. */
        public Builder ranch(Ranch ranch) {
            this.ranch = ranch;
            return this;
        }

        /** Tests on this Testing Farm compose, as given. */
        public Builder compose(@CheckForNull String compose) {
            this.compose = compose;
            return this;
        }

        /** The spec; validates. */
        public TestRequestSpec build() {
            return new TestRequestSpec(chroot, distros, fmf, builds, variables, env, secrets, trigger, initiator,
                    postInstallScript, extraParams, skipBuild, ranch, compose);
        }
    }
}
