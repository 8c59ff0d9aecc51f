package io.packit.pipeline.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN §2, kept by the build. */
@AnalyzeClasses(packages = "io.packit.pipeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule CORE_IS_FREE_OF_JENKINS_AND_PICOCLI = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "picocli..")
            .because("core is the Jenkins-free library (DESIGN §2); the CLI and the plugin adapt it");

    @ArchTest
    static final ArchRule YAML_ONLY_IN_CONFIG = noClasses()
            .that().resideOutsideOfPackage("io.packit.pipeline.config..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.fasterxml.jackson.dataformat.yaml..", "org.yaml.snakeyaml..")
            .because("packit.yaml is read in one place");

    @ArchTest
    static final ArchRule OKHTTP_ONLY_IN_CLIENTS = noClasses()
            .that().resideOutsideOfPackages(
                    "io.packit.pipeline.http..", "io.packit.pipeline.copr..", "io.packit.pipeline.testingfarm..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .because("HTTP is the clients' business");

    @ArchTest
    static final ArchRule GRAPH_SEES_ONLY_CONFIG_AND_DIAG = classes()
            .that().resideInAPackage("io.packit.pipeline.graph..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.packit.pipeline.graph..", "io.packit.pipeline.config..", "io.packit.pipeline.diag..",
                    "java..", "edu.umd.cs.findbugs.annotations..")
            .because("the planner is pure: config in, graph out");

    @ArchTest
    static final ArchRule RENDER_SEES_ONLY_GRAPH_CONFIG_AND_DIAG = classes()
            .that().resideInAPackage("io.packit.pipeline.render..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.packit.pipeline", "io.packit.pipeline.render..", "io.packit.pipeline.graph..",
                    "io.packit.pipeline.config..", "io.packit.pipeline.diag..",
                    "com.fasterxml.jackson.core..", "com.fasterxml.jackson.databind..",
                    "java..", "edu.umd.cs.findbugs.annotations..")
            .because("rendering is a pure function of the plan");

    @ArchTest
    static final ArchRule CLIENTS_DO_NOT_SEE_THE_PLAN = noClasses()
            .that().resideInAnyPackage("io.packit.pipeline.copr..", "io.packit.pipeline.testingfarm..",
                    "io.packit.pipeline.http..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.packit.pipeline.graph..", "io.packit.pipeline.render..", "io.packit.pipeline.engine..")
            .because("the REST clients are usable on their own; the engine joins them to the plan");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.packit.pipeline.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule CORE_DOES_NOT_PRINT = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("core returns diagnostics and reports through listeners; only the CLI entry point prints");

    @ArchTest
    static final ArchRule CORE_DOES_NOT_EXIT = noClasses()
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .because("only the CLI entry point exits");

    @ArchTest
    static final ArchRule NO_UTILS_GRAB_BAG = noClasses()
            .should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..")
            .because("classes are named for what they are (house style §8)");

    @Test
    void shouldAssertOnlyWithAssertJ() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.packit.pipeline");
        assertThat(tests).isNotEmpty();
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.hamcrest..")
                .because("tests assert with AssertJ only")
                .check(tests);
    }
}
