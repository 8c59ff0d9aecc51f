package io.packit.pipeline.testingfarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds Testing Farm requests as Packit does: the chroot becomes one test target per distro (the tests job's
 * {@code distros}, else the ranch's default mapping), each target a compose and an arch; the Copr builds become
 * {@code fedora-copr-build} artifacts; fmf/tmt keys, variables, secrets, tmt context and
 * {@code tf_post_install_script} fill the environment; then {@code tf_extra_params} is merged in.
 * Every problem (an arch the ranch lacks, a compose it does not offer) is found before any request is sent.
 */
public final class TestRequestFactory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @CheckForNull
    private final AvailableComposes composes;

    private TestRequestFactory(@CheckForNull AvailableComposes composes) {
        this.composes = composes;
    }

    /** A factory that maps distros to composes offline, without checking that the ranch offers them. */
    public static TestRequestFactory offline() {
        return new TestRequestFactory(null);
    }

    /**
     * A factory that checks every compose against {@code composes} (the ranch's list); a distro that itself
     * names an available compose is used verbatim, as Packit does.
     */
    public static TestRequestFactory checkingAgainst(AvailableComposes composes) {
        return new TestRequestFactory(Objects.requireNonNull(composes, "composes"));
    }

    /** The test targets of {@code spec}, in order: one per distro, all with the chroot's arch. */
    public List<TestTarget> targets(TestRequestSpec spec) {
        TestTarget chroot = TestTarget.parse(spec.chroot());
        String compose = spec.compose();
        if (compose != null) {
            return List.of(new TestTarget(compose.toLowerCase(Locale.ROOT), chroot.arch()));
        }
        if (spec.distros().isEmpty()) {
            return List.of(new TestTarget(spec.ranch().testDistro(chroot.distro()), chroot.arch()));
        }
        var targets = new LinkedHashSet<TestTarget>();
        for (String distro : spec.distros()) {
            targets.add(new TestTarget(distro, chroot.arch()));
        }
        return List.copyOf(targets);
    }

    /** The compose for {@code distro} on {@code ranch}, checked against the available composes when known. */
    public String compose(String distro, Ranch ranch) {
        if (composes != null) {
            Optional<String> verbatim = composes.match(distro);
            if (verbatim.isPresent()) {
                return distro;
            }
        }
        String compose = ranch.compose(distro);
        if (composes != null && !composes.contains(compose)) {
            throw new IllegalArgumentException("the compose " + compose + " (for distro " + distro
                    + ") is not available in the " + ranch.id() + " Testing Farm infrastructure");
        }
        return compose;
    }

    private String checked(String compose, Ranch ranch) {
        if (composes != null && !composes.contains(compose)) {
            throw new IllegalArgumentException("the compose " + compose + " is not available in the " + ranch.id()
                    + " Testing Farm infrastructure");
        }
        return compose;
    }

    /**
     * The requests for {@code spec}, one per test target.
     *
     * @throws IllegalArgumentException when the ranch does not offer the arch or the compose
     */
    public List<TestRequest> requests(TestRequestSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<TestTarget> targets = targets(spec);
        for (TestTarget target : targets) {
            if (!spec.ranch().offersArch(target.arch())) {
                throw new IllegalArgumentException("the architecture " + target.arch() + " (of " + spec.chroot()
                        + ") is not available in the " + spec.ranch().id() + " Testing Farm infrastructure (available: "
                        + String.join(", ", spec.ranch().arches()) + ")");
            }
        }
        JsonNode extraParams = JSON.valueToTree(spec.extraParams());
        var requests = new ArrayList<TestRequest>();
        for (TestTarget target : targets) {
            String compose = spec.compose() != null ? checked(spec.compose(), spec.ranch()) : compose(target.distro(), spec.ranch());
            ObjectNode payload = payload(spec, target, compose);
            ExtraParamsMerge.mergeInto(payload, extraParams);
            requests.add(new TestRequest(target, compose, payload));
        }
        return List.copyOf(requests);
    }

    private static ObjectNode payload(TestRequestSpec spec, TestTarget target, String compose) {
        ObjectNode payload = NODES.objectNode();
        payload.putObject("test").set("tmt", tmt(spec.fmf()));
        payload.putArray("environments").add(environment(spec, target, compose));
        return payload;
    }

    private static ObjectNode tmt(FmfSource fmf) {
        ObjectNode tmt = NODES.objectNode();
        tmt.put("url", fmf.url());
        fmf.optionalRef().ifPresent(ref -> tmt.put("ref", ref));
        if (fmf.ref() != null && fmf.mergeSha() != null) {
            tmt.put("merge_sha", fmf.mergeSha());
        }
        tmt.put("path", fmf.path());
        fmf.optionalPlan().ifPresent(plan -> tmt.put("name", plan));
        return tmt;
    }

    private static ObjectNode environment(TestRequestSpec spec, TestTarget target, String compose) {
        ObjectNode environment = NODES.objectNode();
        environment.put("arch", target.arch());
        environment.putObject("os").put("compose", compose);
        ObjectNode context = environment.putObject("tmt").putObject("context");
        context.put("distro", target.distro());
        context.put("arch", target.arch());
        context.put("trigger", spec.trigger());
        context.put("initiator", spec.initiator());
        ObjectNode variables = environment.putObject("variables");
        variables(spec).forEach(variables::put);
        if (!spec.secrets().isEmpty()) {
            ObjectNode secrets = environment.putObject("secrets");
            spec.secrets().forEach(secrets::put);
        }
        if (!spec.skipBuild()) {
            ArrayNode artifacts = environment.putArray("artifacts");
            for (CoprBuildArtifact build : spec.builds()) {
                ObjectNode artifact = artifacts.addObject();
                artifact.put("id", build.artifactId());
                artifact.put("type", "fedora-copr-build");
                if (!build.packages().isEmpty()) {
                    ArrayNode packages = artifact.putArray("packages");
                    build.packages().forEach(packages::add);
                }
            }
        }
        if (spec.postInstallScript() != null) {
            environment.putObject("settings").putObject("provisioning")
                    .put("post_install_script", spec.postInstallScript());
        }
        return environment;
    }

    /**
     * Packit's variables: {@code PACKIT_COPR_PROJECT} (the builds' projects, space-separated) and
     * {@code PACKIT_COPR_RPMS} (their packages), then the predefined variables, then the user's {@code env}.
     */
    static Map<String, String> variables(TestRequestSpec spec) {
        var variables = new LinkedHashMap<String, String>();
        String projects = spec.builds().stream()
                .map(CoprBuildArtifact::coprProject)
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(" "));
        if (!projects.isEmpty()) {
            variables.put("PACKIT_COPR_PROJECT", projects);
        }
        String rpms = spec.builds().stream()
                .flatMap(build -> build.packages().stream())
                .collect(Collectors.joining(" "));
        if (!rpms.isEmpty()) {
            variables.put("PACKIT_COPR_RPMS", rpms);
        }
        variables.putAll(spec.variables());
        variables.putAll(spec.env());
        return variables;
    }
}
