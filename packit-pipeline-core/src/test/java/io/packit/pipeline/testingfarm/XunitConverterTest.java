package io.packit.pipeline.testingfarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.golden.GoldenFile;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class XunitConverterTest {
    private static final Path RESOURCES = Path.of(System.getProperty("project.root", ".."))
            .resolve("packit-pipeline-core/src/test/resources/io/packit/pipeline/testingfarm");
    private static final Path GOLDEN = RESOURCES.resolve("xunit");
    private static final URI ARTIFACTS = URI.create("https://artifacts.dev.testing-farm.io/5b1e7a52");

    private final XunitConverter converter = new XunitConverter(null, null, ARTIFACTS);

    static Stream<String> goldenCases() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".xunit.xml"))
                    .map(name -> name.substring(0, name.length() - ".xunit.xml".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("goldenCases")
    void shouldConvertXunitToTheGoldenJunit(String name) throws IOException {
        String xunit = Files.readString(GOLDEN.resolve(name + ".xunit.xml"));
        Path expectedFile = GOLDEN.resolve(name + ".junit.xml");

        String junit = converter.convert(xunit, name).toXml();

        GoldenFile.assertMatches(expectedFile, junit);
        assertThatCode(() -> validate(junit)).as("valid against the Ant JUnit schema").doesNotThrowAnyException();
        assertCountsMatchChildren(junit);
    }

    @Test
    void shouldMapTheCurrentTmtForm() throws IOException {
        JunitReport report = converter.convert(Files.readString(GOLDEN.resolve("current-tmt.xunit.xml")), "results.xml");

        assertThat(report.suites()).extracting(JunitSuite::name).containsExactly(
                "CentOS-Stream-9/x86_64:/plans/smoke",
                "CentOS-Stream-9/x86_64:/plans/extended",
                "CentOS-Stream-9/x86_64:/plans/provision-failed");
        JunitSuite smoke = report.suites().get(0);
        assertThat(smoke.cases()).extracting(JunitCase::className).containsOnly("CentOS-Stream-9.x86_64.plans.smoke");
        assertThat(smoke.cases()).extracting(JunitCase::outcome)
                .containsExactly(JunitCase.Outcome.PASSED, JunitCase.Outcome.FAILURE);
        assertThat(smoke.cases().get(1).message()).isEqualTo("Test /tests/cli/greet failed");
        assertThat(smoke.cases().get(1).systemOut()).startsWith(
                "testout.log: https://artifacts.dev.testing-farm.io/5b1e7a52/work-smokeAb12/plans/smoke/execute/data/guest/default-0/tests/cli/greet-2/output.txt\n");
        assertThat(smoke.systemOut()).isEqualTo("tmt-log: https://artifacts.dev.testing-farm.io/5b1e7a52/work-smokeAb12/tmt-run.log\n"
                + "workdir: https://artifacts.dev.testing-farm.io/5b1e7a52/work-smokeAb12");

        JunitSuite extended = report.suites().get(1);
        assertThat(extended.cases()).extracting(JunitCase::name, JunitCase::outcome, JunitCase::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/tests/warns", JunitCase.Outcome.FAILURE, "warn"),
                org.assertj.core.groups.Tuple.tuple("/tests/broken", JunitCase.Outcome.ERROR, null),
                org.assertj.core.groups.Tuple.tuple("/tests/s390x-only", JunitCase.Outcome.SKIPPED, null),
                org.assertj.core.groups.Tuple.tuple("/tests/later", JunitCase.Outcome.ERROR, null),
                org.assertj.core.groups.Tuple.tuple("/tests/notes", JunitCase.Outcome.PASSED, null));
        assertThat(extended.cases().get(1).message()).isEqualTo("tmt: test exited with 2 & <no output>");

        JunitSuite provisionFailed = report.suites().get(2);
        assertThat(provisionFailed.cases()).singleElement().satisfies(synthetic -> {
            assertThat(synthetic.name()).isEqualTo("(/plans/provision-failed)");
            assertThat(synthetic.outcome()).isEqualTo(JunitCase.Outcome.ERROR);
            assertThat(synthetic.message()).isEqualTo("plan /plans/provision-failed errored");
        });
        assertThat(report.tests()).isEqualTo(8);
        assertThat(report.count(JunitCase.Outcome.FAILURE)).isEqualTo(2);
        assertThat(report.count(JunitCase.Outcome.ERROR)).isEqualTo(3);
        assertThat(report.count(JunitCase.Outcome.SKIPPED)).isEqualTo(1);
    }

    @Test
    void shouldMapThe2020FormWithRelativeLinksAndDuplicateNames() throws IOException {
        JunitReport report = converter.convert(Files.readString(GOLDEN.resolve("legacy-2020.xunit.xml")), "results.xml");

        JunitSuite suite = report.suites().get(0);
        assertThat(suite.name()).isEqualTo("Fedora-32/x86_64:testing-farm");
        assertThat(suite.cases()).extracting(JunitCase::name)
                .containsExactly("/plans/basic", "/plans/upgrade", "/plans/upgrade #3");
        assertThat(suite.cases()).extracting(JunitCase::outcome)
                .containsExactly(JunitCase.Outcome.PASSED, JunitCase.Outcome.FAILURE, JunitCase.Outcome.PASSED);
        assertThat(suite.cases().get(0).systemOut()).isEqualTo(
                "log_dir: https://artifacts.dev.testing-farm.io/5b1e7a52/work-basicXyZ12/plans/basic/execute\n"
                        + "testout.log: https://artifacts.dev.testing-farm.io/5b1e7a52/work-basicXyZ12/plans/basic/execute/out.log");
    }

    @Test
    void shouldNameSuitesAfterTheRequestWhenTheXunitDoesNot() {
        String xunit = "<testsuites><testsuite name=\"/plans/a\" result=\"passed\"><testcase name=\"/t\" result=\"passed\"/></testsuite></testsuites>";

        assertThat(new XunitConverter("Fedora-41", "aarch64", null).convert(xunit, "inline").suites().get(0))
                .satisfies(suite -> {
                    assertThat(suite.name()).isEqualTo("Fedora-41/aarch64:/plans/a");
                    assertThat(suite.cases().get(0).className()).isEqualTo("Fedora-41.aarch64.plans.a");
                });
        assertThat(new XunitConverter(null, null, null).convert(xunit, "inline").suites().get(0).name()).isEqualTo("/plans/a");
    }

    @Test
    void shouldRefuseDoctypesAndExternalEntities() throws IOException {
        Path secret = Files.createTempFile("xxe", ".txt");
        Files.writeString(secret, "top-secret-content");
        String xunit = "<?xml version=\"1.0\"?><!DOCTYPE testsuites [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<testsuites><testsuite name=\"&x;\"/></testsuites>";

        assertThatThrownBy(() -> converter.convert(xunit, "https://tf/results.xml"))
                .isInstanceOf(InvalidXunitException.class)
                .hasMessageStartingWith("the xunit from https://tf/results.xml is not well-formed XML: ")
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("top-secret-content");
    }

    @Test
    void shouldRejectWhatIsNotXunit() {
        assertThatThrownBy(() -> converter.convert("<html><body>502 Bad Gateway</body></html>", "https://tf/results.xml"))
                .isInstanceOf(InvalidXunitException.class)
                .hasMessage("the xunit from https://tf/results.xml has root element <html>, expected <testsuites>");
        assertThatThrownBy(() -> converter.convert("not xml", "results.xml"))
                .isInstanceOf(InvalidXunitException.class)
                .hasMessageStartingWith("the xunit from results.xml is not well-formed XML");
    }

    @Test
    void shouldDropCharactersXmlCannotCarry() {
        String xunit = "<testsuites><testsuite name=\"/p\"><testcase name=\"/t\" result=\"failed\"><failure message=\"bad &#x9;tab\"/></testcase></testsuite></testsuites>";
        var report = new JunitReport(List.of(new JunitSuite("/p", List.of(new JunitCase("p", "/t\u0001", null,
                JunitCase.Outcome.FAILURE, "escape \u001b[31mred", null, "")), "")));

        assertThat(report.toXml()).contains("name=\"/t\"").contains("escape [31mred");
        assertThatCode(() -> validate(report.toXml())).doesNotThrowAnyException();
        assertThat(converter.convert(xunit, "inline").suites().get(0).cases().get(0).message()).isEqualTo("bad \ttab");
    }

    @Test
    void shouldHaveASchemaThatRejectsWhatJenkinsWouldNotRead() {
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\">"
                + "<testcase name=\"t\"/></testsuite></testsuites>"))
                .as("a test case without classname").isInstanceOf(SAXException.class).hasMessageContaining("classname");
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"1\">"
                + "<testcase name=\"t\" classname=\"c\"><failure/><error/></testcase></testsuite></testsuites>"))
                .as("two outcomes").isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"s\" tests=\"x\" failures=\"0\" errors=\"0\"/></testsuites>"))
                .as("a non-numeric count").isInstanceOf(SAXException.class);
    }

    static void validate(String junit) throws SAXException, IOException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(RESOURCES.resolve("junit-ant.xsd").toFile());
        schema.newValidator().validate(new StreamSource(new StringReader(junit)));
    }

    static void assertCountsMatchChildren(String junit) {
        try {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(junit)));
            NodeList suites = document.getElementsByTagName("testsuite");
            for (int i = 0; i < suites.getLength(); i++) {
                Element suite = (Element) suites.item(i);
                assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(suite.getElementsByTagName("testcase").getLength());
                assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(suite.getElementsByTagName("failure").getLength());
                assertThat(Integer.parseInt(suite.getAttribute("errors"))).isEqualTo(suite.getElementsByTagName("error").getLength());
                assertThat(Integer.parseInt(suite.getAttribute("skipped"))).isEqualTo(suite.getElementsByTagName("skipped").getLength());
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the JUnit XML back", e);
        }
    }
}
