package io.packit.pipeline.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN §2, kept by the build: the package diagram, and the rules no diagram can draw. */
@AnalyzeClasses(packages = "io.packit.pipeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule CORE_IS_FREE_OF_JENKINS_AND_PICOCLI = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "picocli..")
            .because("core is the Jenkins-free library (DESIGN §2); the CLI and the plugin adapt it");

    /**
     * The package diagram ({@code src/test/resources/design.puml}) is the layering: an arrow is an allowed import,
     * every other import between our packages, or from them to a library drawn there, fails. A package that is not
     * drawn fails too (its classes are "not contained in any component").
     */
    @ArchTest
    static final ArchRule PACKAGES_FOLLOW_THE_DIAGRAM = classes()
            .should(adhereToPlantUmlDiagram(ArchitectureTest.class.getResource("/design.puml"),
                    consideringOnlyDependenciesInAnyPackage("io.packit.pipeline..", "org.yaml.snakeyaml..",
                            "com.fasterxml.jackson..", "okhttp3..", "okio..", "org.eclipse.elk..", "org.eclipse.emf..")))
            .because("the planner is pure (config in, graph out), rendering is a function of the plan, the engine"
                    + " runs the step contract without standing on the renderer, the REST clients are usable on"
                    + " their own, packit.yaml is read in one place and HTTP is the clients' business (DESIGN §2)");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.packit.pipeline.(*)..").should().beFreeOfCycles()
            .because("the diagram may not draw a cycle either");

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
    void shouldRejectAnImportTheDiagramDoesNotDraw() throws ClassNotFoundException {
        var probe = new ClassFileImporter().importClasses(
                Class.forName("io.packit.pipeline.engine.EngineImportingTheRenderer"));

        assertThat(PACKAGES_FOLLOW_THE_DIAGRAM.evaluate(probe).getFailureReport().getDetails())
                .singleElement().asString()
                .contains("io.packit.pipeline.engine.EngineImportingTheRenderer")
                .contains("io.packit.pipeline.render.JenkinsfileRenderer");
    }

    @Test
    void shouldLetOnlyTheLayoutUseElk() throws ClassNotFoundException {
        var probe = new ClassFileImporter().importClasses(
                Class.forName("io.packit.pipeline.render.DrawingImportingElk"));

        assertThat(PACKAGES_FOLLOW_THE_DIAGRAM.evaluate(probe).getFailureReport().getDetails())
                .isNotEmpty()
                .allSatisfy(detail -> assertThat(detail).contains("io.packit.pipeline.render.DrawingImportingElk")
                        .contains("org.eclipse.elk.graph"));
    }

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
