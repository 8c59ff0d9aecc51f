package io.packit.pipeline.cli.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.packit.pipeline.cli.Main;

/** Only the entry point prints to the process streams or exits; commands write to picocli's writers. */
@AnalyzeClasses(packages = "io.packit.pipeline.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
    @ArchTest
    static final ArchRule ONLY_MAIN_EXITS = noClasses()
            .that().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().callMethod(System.class, "exit", int.class);

    @ArchTest
    static final ArchRule ONLY_MAIN_TOUCHES_STANDARD_STREAMS = noClasses()
            .that().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule CLI_DOES_NOT_TALK_HTTP_ITSELF = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
            .because("the CLI drives core's clients; it does not make requests of its own");
}
