package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.RunCondition;
import io.packit.pipeline.steps.StepCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values a pull request controls (packit.yaml) never become Groovy code in a rendered Jenkinsfile. */
class JenkinsfileSecurityTest {
    static final List<String> HOSTILE = List.of(
            "it's", "say \"hi\"", "${System.exit(1)}", "back\\slash", "two\nlines\r\n", "'''", "\"\"\"",
            "'); System.exit(1); //", "\\'; evil() //", "\\u0027); evil(); //", "$x ${y} \"${z}\"", "tab\there",
            "\u00e9t\u00e9 \u2028 end", "*/ evil() /*", "/* x */", "// comment");

    /** Every method name the renderer itself writes. */
    static final Set<String> WRITTEN_CALLS = Set.of("pipeline", "agent", "parameters", "string", "booleanParam",
            "environment", "stages", "stage", "parallel", "when", "beforeAgent", "changeRequest", "branch",
            "buildingTag", "tag", "not", "expression", "steps", "label", "echo", StepCatalog.SRPM,
            StepCatalog.COPR_BUILD, StepCatalog.TESTING_FARM, StepCatalog.CLI, StepCatalog.GROUP);

    @Test
    void shouldKeepEveryHostileValueAnInertStringLiteral() {
        for (var value : HOSTILE) {
            var plan = PlanFixtures.plan().file(value).distGitBranches(List.of(value, "f42"))
                    .when(new RunCondition(Trigger.PULL_REQUEST, value, "", "", false, LabelRequirement.NONE, List.of()));
            var build = plan.build("pkg", "build", List.of("fedora-41-x86_64"));
            plan.add(new NodeId(NodeKind.COPR_BUILD, "pkg", "odd", ""), List.of(value, "fedora-42-x86_64"), "");
            plan.add(new NodeId(NodeKind.TESTS, "pkg", "tests", "fedora-41-x86_64"), List.of("fedora-41-x86_64"), value);
            plan.edge(build, new NodeId(NodeKind.TESTS, "pkg", "tests", "fedora-41-x86_64"),
                    io.packit.pipeline.graph.EdgeKind.BUILD_TO_TESTS, value);
            plan.when(new RunCondition(Trigger.COMMIT, value, "", "", true, LabelRequirement.NONE, List.of()));
            plan.cli(NodeKind.KOJI_BUILD, "pkg", "koji", List.of(build));
            plan.when(new RunCondition(Trigger.RELEASE, "", value, value, false, LabelRequirement.NONE, List.of()));
            plan.cli(NodeKind.PROPOSE_DOWNSTREAM, "pkg", "propose", List.of());
            var text = new JenkinsfileRenderer().render(plan.build());

            var constants = new ArrayList<String>();
            var calls = new HashSet<String>();
            var tree = JenkinsfileTree.parse(text);
            tree.visit(call -> calls.add(call.getMethodAsString()), constant -> {
                if (constant.getValue() instanceof String s) {
                    constants.add(s);
                }
            });

            assertThat(calls).as("calls for %s", value).isSubsetOf(WRITTEN_CALLS);
            assertThat(constants).as("literals for %s", value)
                    .contains(value, "copr_build:pkg:build@" + value)
                    .contains(value + ",f42")
                    .filteredOn(s -> s.contains(value)).isNotEmpty();
            assertThat(constants.stream().filter(value::equals).count())
                    .as("file name, branch regex twice, chroot, target, tag include, tag exclude for %s", value)
                    .isGreaterThanOrEqualTo(7);
            assertThat(text.lines().filter(line -> line.startsWith("//")).count()).isEqualTo(3);
            assertThat(DeclarativeRules.check(tree)).isEmpty();
            assertThat(CpsCompiler.compiles(text)).as(text).isTrue();
        }
    }

    @Test
    void shouldRefuseUnsafeIdsAndStageNames() {
        for (var value : HOSTILE) {
            assertThatThrownBy(() -> NodeId.of(NodeKind.SRPM, value, "build")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GroovyWriter.stageName(value)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRenderHostileIdentifiersAndPackageNamesOnlyAsSafeIds() {
        var yaml = """
                packages:
                  "p'); evil() //":
                    specfile_path: x.spec
                    paths: [a]
                  'q\\${x}\"\"\"':
                    specfile_path: y.spec
                    paths: [b]
                    depends: ["p'); evil() //"]
                jobs:
                  - job: copr_build
                    identifier: "b'''); evil() //"
                    trigger: pull_request
                    targets: [fedora-41-x86_64]
                  - job: tests
                    identifier: "t\\nevil()"
                    trigger: pull_request
                    targets: [fedora-41-x86_64]
                """;
        var config = new PackitConfigLoader().load("packit.yaml", yaml.getBytes(StandardCharsets.UTF_8)).configOrThrow();
        var plan = new JobGraphPlanner().plan(config, new Event.AllTriggers());
        var text = new JenkinsfileRenderer().render(plan);

        var calls = new HashSet<String>();
        var tree = JenkinsfileTree.parse(text);
        tree.visit(call -> calls.add(call.getMethodAsString()), constant -> { });
        assertThat(calls).isSubsetOf(WRITTEN_CALLS);
        assertThat(plan.nodes()).hasSizeGreaterThanOrEqualTo(6);
        for (var stage : JenkinsfileRendererTest.leafStages(tree)) {
            assertThat(stage.literalArgument().orElseThrow()).matches(GroovyWriter.SAFE_STAGE_NAME);
            var node = JenkinsfileRendererTest.call(stage).string(StepCatalog.ARG_NODE).orElseThrow();
            assertThat(NodeId.parse(node).toString()).isEqualTo(node);
        }
        assertThat(DeclarativeRules.check(tree)).isEmpty();
        assertThat(CpsCompiler.compiles(text)).isTrue();
    }

    @Test
    void shouldRenderHostileRealConfigWithoutLettingItsValuesIntoCode() {
        var yaml = """
                specfile_path: "x'.spec"
                downstream_package_name: pkg
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    branch: "main'; evil() //"
                    targets: [fedora-41-x86_64]
                  - job: tests
                    trigger: pull_request
                    branch: "main'; evil() //"
                    fmf_url: "https://example.org/${System.exit(1)}'''\\"\\"\\""
                    env:
                      EVIL: "'; evil() //\\n${x}"
                    targets: [fedora-41-x86_64]
                  - job: propose_downstream
                    trigger: release
                    upstream_tag_include: "v.*'; evil() //"
                    dist_git_branches: ["rawhide'\\n evil()"]
                """;
        var config = new PackitConfigLoader().load("packit.yaml", yaml.getBytes(StandardCharsets.UTF_8)).configOrThrow();
        var plan = new JobGraphPlanner().plan(config, new Event.AllTriggers());
        var text = new JenkinsfileRenderer().render(plan);

        var constants = new ArrayList<String>();
        var calls = new HashSet<String>();
        JenkinsfileTree.parse(text).visit(call -> calls.add(call.getMethodAsString()), constant -> {
            if (constant.getValue() instanceof String s) {
                constants.add(s);
            }
        });
        assertThat(calls).isSubsetOf(WRITTEN_CALLS).doesNotContain("exit", "evil");
        assertThat(constants).contains("main'; evil() //", "v.*'; evil() //");
        assertThat(constants).anyMatch(s -> s.contains("rawhide'\n evil()"));
        assertThat(CpsCompiler.compiles(text)).isTrue();
    }

}
