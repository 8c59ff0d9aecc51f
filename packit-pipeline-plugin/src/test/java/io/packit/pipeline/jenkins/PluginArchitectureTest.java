package io.packit.pipeline.jenkins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The plugin's rules, after warnings-ng's plugin-util {@code PluginArchitectureRules}: the running Jenkins is
 * reached only through {@link JenkinsFacade}, and data binding is declared only in public classes (Stapler and
 * structs instantiate them reflectively), and each optional dependency (git, checks-api) is referred to from one
 * class only, which the plugin loads after {@link JenkinsFacade#isPluginActive} said yes.
 */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.packit.pipeline.jenkins");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
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
    void shouldReferToEachOptionalDependencyFromOneClassOnlyThatIsLoadedWhenThePluginIsActive() {
        noClasses().that().doNotHaveSimpleName(GitRemote.class.getSimpleName())
                .should().dependOnClassesThat().resideInAnyPackage("jenkins.plugins.git..", "hudson.plugins.git..")
                .check(PLUGIN);
        noClasses().that().doNotHaveSimpleName(ForgeChecks.class.getSimpleName())
                .should().dependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.checks..")
                .check(PLUGIN);
        assertThat(PLUGIN.get(GitRemote.class).getDirectDependenciesFromSelf())
                .anyMatch(dependency -> dependency.getTargetClass().getPackageName().equals("jenkins.plugins.git"));
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

    /**
     * {@code JenkinsExtension.resolveParameter} calls {@code JenkinsRule.before()} each time it resolves the
     * parameter (jenkins-test-harness@44660312fd37 {@code junit/jupiter/JenkinsExtension.java}): a class that takes
     * it in {@code @BeforeEach} and again in its tests starts Jenkins twice per test, and the second web server
     * fails to bind the first one's port.
     */
    @Test
    void shouldResolveTheJenkinsRuleInOneLifecycleMethodPerTestClass() {
        classes().that().areAnnotatedWith(WithJenkins.class)
                .should(takeTheRuleInAtMostOneJUnitMethod())
                .check(TESTS);
        assertThat(TESTS.get(PackitPipelineITest.class).getMethods())
                .as("the rule above looks at real test classes")
                .anyMatch(method -> method.isAnnotatedWith(BeforeEach.class) && takesTheRule(method));
    }

    private static ArchCondition<JavaClass> takeTheRuleInAtMostOneJUnitMethod() {
        return new ArchCondition<>("take a JenkinsRule parameter in at most one JUnit method") {
            @Override
            public void check(JavaClass testClass, ConditionEvents events) {
                List<String> takers = testClass.getMethods().stream()
                        .filter(method -> method.isAnnotatedWith(Test.class)
                                || method.isAnnotatedWith(BeforeEach.class)
                                || method.isAnnotatedWith(AfterEach.class))
                        .filter(PluginArchitectureTest::takesTheRule)
                        .map(JavaMethod::getName)
                        .toList();
                events.add(new SimpleConditionEvent(testClass, takers.size() <= 1,
                        testClass.getSimpleName() + " resolves the JenkinsRule in " + takers));
            }
        };
    }

    private static boolean takesTheRule(JavaMethod method) {
        return method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(JenkinsRule.class));
    }
}
