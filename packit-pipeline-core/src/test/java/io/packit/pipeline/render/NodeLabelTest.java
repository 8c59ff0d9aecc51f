package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Node labels say package, job and chroot in full: wrapped to the box, never cut. */
class NodeLabelTest {
    @Property
    void shouldWrapWithoutLosingAnythingButTheSpacesAtBreaks(@ForAll @StringLength(max = 300) String text) {
        var parts = NodeLabel.wrap(text);

        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(NodeLabel.CHARS));
        assertThat(withoutWhitespace(String.join("", parts))).isEqualTo(withoutWhitespace(text));
    }

    @Test
    void shouldBreakAfterPunctuationNearTheEndOfALine() {
        assertThat(NodeLabel.wrap("copr_build a-very-long-package-name-for-the-label"))
                .containsExactly("copr_build a-very-long-", "package-name-for-the-label");
    }

    @Test
    void shouldSayPackageJobChrootAndWhyInFullWithAPortPerBuildChroot() {
        var longChroot = "centos-stream-10-development-x86_64-with-a-long-suffix";
        var build = node(NodeKind.COPR_BUILD, "a-package-with-a-rather-long-name", "build-for-pull-requests-on-main", "",
                List.of("fedora-41-x86_64", longChroot), "", "");
        var tests = node(NodeKind.TESTS, "pkg", "tests1", "fedora-41-x86_64", List.of("fedora-41-x86_64"),
                "centos-stream-9-x86_64", "branch 'x' does not match 'main'");

        var buildLabel = NodeLabel.of(build, NodeLabel.When.ALWAYS);
        var testsLabel = NodeLabel.of(tests, NodeLabel.When.BEYOND_TRIGGER);

        assertThat(text(buildLabel)).contains("a-package-with-a-rather-long-name", "build-for-pull-requests-on-main",
                "fedora-41-x86_64", longChroot, bare("when pull_request, branch main"));
        assertThat(buildLabel.lines()).filteredOn(line -> !line.chroot().isEmpty()).extracting(NodeLabel.Line::chroot)
                .containsExactly("fedora-41-x86_64", longChroot);
        assertThat(text(testsLabel)).contains("pkg", bare("tests tests1"), "@fedora-41-x86_64", bare("on centos-stream-9-x86_64"),
                bare("when branch main"), bare("skipped: branch 'x' does not match 'main'"));
        assertThat(testsLabel.lines()).allSatisfy(line -> assertThat(line.text().length()).isLessThanOrEqualTo(NodeLabel.CHARS));
        assertThat(testsLabel.height()).isEqualTo(2 * NodeLabel.PAD_Y + testsLabel.lines().size() * NodeLabel.LINE_HEIGHT);
        assertThat(text(NodeLabel.of(tests, NodeLabel.When.NEVER))).doesNotContain("when");
    }

    @Test
    void shouldSayThatABuildInItsProjectsChrootsLearnsThemAtRunTime() {
        var build = new PlanPicture.PictureNode(0, new NodeId(NodeKind.COPR_BUILD, "pkg", "custom", ""),
                NodeKind.COPR_BUILD, "custom", "", PlanPicture.PROJECT_CHROOTS, "", false, false, Trigger.PULL_REQUEST,
                List.of(), "", "pull_request");

        var label = NodeLabel.of(build, NodeLabel.When.NEVER);

        assertThat(text(label)).contains(bare("in the project's chroots (resolved at run time)"));
        assertThat(label.lines()).allSatisfy(line -> assertThat(line.chroot()).isEmpty());
    }

    /** The label's text without the spaces that wrapping may drop at a break. */
    private static String text(NodeLabel label) {
        return bare(String.join("", label.lines().stream().map(NodeLabel.Line::text).toList()));
    }

    private static String bare(String text) {
        return withoutWhitespace(text);
    }

    /** Without what {@link String#strip()} may drop at a break. */
    private static String withoutWhitespace(String text) {
        var out = new StringBuilder();
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static PlanPicture.PictureNode node(NodeKind kind, String pkg, String job, String chroot, List<String> chroots,
            String target, String skip) {
        return new PlanPicture.PictureNode(0, new NodeId(kind, pkg, job, chroot), kind, job, chroot, "", skip, false, false,
                Trigger.PULL_REQUEST, chroots, target, "pull_request, branch main");
    }
}
