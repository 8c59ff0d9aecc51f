package io.packit.pipeline.jenkins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The plugin's rules, after warnings-ng's plugin-util {@code PluginArchitectureRules}: the running Jenkins is
 * reached only through {@link JenkinsFacade}, and data binding is declared only in public classes (Stapler and
 * structs instantiate them reflectively).
 */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.packit.pipeline.jenkins");

    @Test
    void shouldReachTheRunningJenkinsOnlyThroughTheFacade() {
        noClasses().that().doNotHaveSimpleName(JenkinsFacade.class.getSimpleName())
                .should().callMethod(Jenkins.class, "getInstance")
                .orShould().callMethod(Jenkins.class, "getInstanceOrNull")
                .orShould().callMethod(Jenkins.class, "get")
                .check(PLUGIN);
    }

    @Test
    void shouldSeeTheFacadeCallJenkinsSoTheRuleAboveLooksAtRealCode() {
        assertThat(PLUGIN.get(JenkinsFacade.class).getMethodCallsFromSelf())
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Jenkins.class)
                        && call.getName().equals("getInstanceOrNull"));
    }

    @Test
    void shouldDeclareDataBindingOnlyInPublicClasses() {
        constructors().that().areAnnotatedWith(DataBoundConstructor.class)
                .should().beDeclaredInClassesThat().arePublic()
                .check(PLUGIN);
        methods().that().areAnnotatedWith(DataBoundSetter.class)
                .should().beDeclaredInClassesThat().arePublic().andShould().bePublic()
                .check(PLUGIN);
    }
}
