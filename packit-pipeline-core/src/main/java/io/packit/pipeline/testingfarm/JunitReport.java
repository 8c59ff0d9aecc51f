package io.packit.pipeline.testingfarm;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins' {@code junit} step reads it (the Ant JUnit format): {@code <testsuites>}, one
 * {@code <testsuite>} per plan and environment, one {@code <testcase>} per test.
 *
 * @param suites the suites, in Testing Farm's order
 */
public record JunitReport(List<JunitSuite> suites) {
    private static final String INDENT = "  ";

    /** Copies. */
    public JunitReport {
        suites = List.copyOf(Objects.requireNonNull(suites, "suites"));
    }

    /** Test cases over all suites. */
    public int tests() {
        return suites.stream().mapToInt(JunitSuite::tests).sum();
    }

    /** Test cases that ended with {@code outcome}, over all suites. */
    public int count(JunitCase.Outcome outcome) {
        return suites.stream().mapToInt(suite -> suite.count(outcome)).sum();
    }

    /** The report as an indented UTF-8 XML document. */
    public String toXml() {
        var text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            counts(xml, tests(), count(JunitCase.Outcome.FAILURE), count(JunitCase.Outcome.ERROR),
                    count(JunitCase.Outcome.SKIPPED));
            for (JunitSuite suite : suites) {
                newline(xml, 1);
                writeSuite(xml, suite);
            }
            newline(xml, 0);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private static void writeSuite(XMLStreamWriter xml, JunitSuite suite) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(suite.name()));
        counts(xml, suite.tests(), suite.count(JunitCase.Outcome.FAILURE), suite.count(JunitCase.Outcome.ERROR),
                suite.count(JunitCase.Outcome.SKIPPED));
        xml.writeAttribute("time", seconds(suite.seconds()));
        for (JunitCase testCase : suite.cases()) {
            newline(xml, 2);
            writeCase(xml, testCase);
        }
        if (!suite.systemOut().isEmpty()) {
            newline(xml, 2);
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(suite.systemOut()));
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, JunitCase testCase) throws XMLStreamException {
        boolean empty = testCase.outcome() == JunitCase.Outcome.PASSED && testCase.systemOut().isEmpty();
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", clean(testCase.className()));
        xml.writeAttribute("name", clean(testCase.name()));
        var time = testCase.seconds();
        if (time != null) {
            xml.writeAttribute("time", seconds(time));
        }
        if (empty) {
            return;
        }
        if (testCase.outcome() != JunitCase.Outcome.PASSED) {
            newline(xml, 3);
            xml.writeEmptyElement(switch (testCase.outcome()) {
                case FAILURE -> "failure";
                case ERROR -> "error";
                default -> "skipped";
            });
            xml.writeAttribute("message", clean(Objects.requireNonNull(testCase.message(), "message")));
            var type = testCase.type();
            if (type != null && testCase.outcome() != JunitCase.Outcome.SKIPPED) {
                xml.writeAttribute("type", clean(type));
            }
        }
        if (!testCase.systemOut().isEmpty()) {
            newline(xml, 3);
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(testCase.systemOut()));
            xml.writeEndElement();
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void counts(XMLStreamWriter xml, int tests, int failures, int errors, int skipped)
            throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors));
        xml.writeAttribute("skipped", Integer.toString(skipped));
    }

    private static String seconds(BigDecimal seconds) {
        return seconds.stripTrailingZeros().toPlainString();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + INDENT.repeat(depth));
    }

    /** Drops characters XML 1.0 cannot carry (control characters other than tab, newline and carriage return). */
    static String clean(String text) {
        var result = new StringBuilder(text.length());
        text.codePoints().filter(JunitReport::isXmlChar).forEach(result::appendCodePoint);
        return result.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
