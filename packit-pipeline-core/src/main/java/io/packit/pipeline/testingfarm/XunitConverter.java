package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Converts Testing Farm's xunit ({@code results.xml}, {@code result.xunit}; the current tmt form and the 2020
 * form) into {@link JunitReport JUnit XML} for Jenkins: one suite per plan and environment named
 * {@code <compose>/<arch>:<plan>}, one case per test, tmt results mapped to failure/error/skipped, log links kept
 * as {@code system-out}. Reading refuses DOCTYPEs and external entities.
 */
public final class XunitConverter {
    private static final String NO_PLAN = "testing-farm";

    @CheckForNull
    private final String compose;
    @CheckForNull
    private final String arch;
    @CheckForNull
    private final URI artifactsUrl;

    /**
     * A converter that names suites after the environment the xunit records, else after {@code compose} and
     * {@code arch} (the request's), and resolves relative log links against {@code artifactsUrl}.
     */
    public XunitConverter(@CheckForNull String compose, @CheckForNull String arch, @CheckForNull URI artifactsUrl) {
        this.compose = compose;
        this.arch = arch;
        this.artifactsUrl = artifactsUrl;
    }

    /** Converts {@code xunit}; {@code source} (a URL or file name) only names it in errors. */
    public JunitReport convert(String xunit, String source) {
        Element root = parse(xunit, source).getDocumentElement();
        List<Element> suiteElements;
        if (root.getTagName().equals("testsuites")) {
            suiteElements = children(root, "testsuite");
        } else if (root.getTagName().equals("testsuite")) {
            suiteElements = List.of(root);
        } else {
            throw new InvalidXunitException("the xunit from " + source + " has root element <" + root.getTagName()
                    + ">, expected <testsuites>");
        }
        var suites = new ArrayList<JunitSuite>();
        for (Element suite : suiteElements) {
            suites.add(suite(suite));
        }
        return new JunitReport(suites);
    }

    private JunitSuite suite(Element suite) {
        String plan = suite.hasAttribute("name") && !suite.getAttribute("name").isBlank() ? suite.getAttribute("name") : NO_PLAN;
        List<Element> caseElements = children(suite, "testcase");
        Element environmentOwner = caseElements.isEmpty() ? suite : firstWithEnvironment(suite, caseElements);
        String suiteCompose = requested(environmentOwner, "compose", compose);
        String suiteArch = requested(environmentOwner, "arch", arch);
        String prefix = suiteCompose == null || suiteArch == null ? "" : suiteCompose + "/" + suiteArch + ":";
        String className = className(suiteCompose, suiteArch, plan);
        var cases = new ArrayList<JunitCase>();
        var seen = new HashSet<String>();
        int index = 0;
        for (Element testCase : caseElements) {
            index++;
            cases.add(testCase(testCase, className, uniqueName(testCase, seen, index)));
        }
        String suiteResult = result(suite);
        if (cases.isEmpty() && (suiteResult.equals("error") || suiteResult.equals("failed"))) {
            boolean error = suiteResult.equals("error");
            cases.add(new JunitCase(className, "(" + plan + ")", null,
                    error ? JunitCase.Outcome.ERROR : JunitCase.Outcome.FAILURE,
                    error ? "plan " + plan + " errored" : "plan " + plan + " failed", null, logs(suite)));
        }
        return new JunitSuite(prefix + plan, cases, logs(suite));
    }

    private JunitCase testCase(Element testCase, String className, String name) {
        String result = result(testCase);
        Element failure = child(testCase, "failure");
        Element error = child(testCase, "error");
        if (result.isEmpty()) {
            result = failure != null ? "failed" : error != null ? "error" : "passed";
        }
        String testName = testCase.getAttribute("name");
        JunitCase.Outcome outcome;
        String message;
        String type = null;
        switch (result) {
            case "passed", "pass", "info" -> {
                outcome = JunitCase.Outcome.PASSED;
                message = null;
            }
            case "failed", "fail" -> {
                outcome = JunitCase.Outcome.FAILURE;
                message = messageOf(failure, "Test " + testName + " failed");
            }
            case "needs_inspection", "warn" -> {
                outcome = JunitCase.Outcome.FAILURE;
                message = messageOf(failure, "Test " + testName + " needs inspection (tmt result warn)");
                type = "warn";
            }
            case "error", "pending" -> {
                outcome = JunitCase.Outcome.ERROR;
                message = messageOf(error, "Test " + testName + " ended with result " + result);
            }
            case "not_applicable", "skipped", "skip" -> {
                outcome = JunitCase.Outcome.SKIPPED;
                message = "Test " + testName + " was not run (" + result + ")";
            }
            default -> {
                outcome = JunitCase.Outcome.ERROR;
                message = "Test " + testName + " has a result Testing Farm does not define: " + result;
            }
        }
        return new JunitCase(className, name, seconds(testCase.getAttribute("time")), outcome, message, type, logs(testCase));
    }

    private static String uniqueName(Element testCase, Set<String> seen, int index) {
        String name = testCase.getAttribute("name").isBlank() ? "(test " + index + ")" : testCase.getAttribute("name");
        if (seen.add(name)) {
            return name;
        }
        Element guest = child(testCase, "guest");
        if (guest != null && !guest.getAttribute("name").isBlank() && seen.add(name + " [" + guest.getAttribute("name") + "]")) {
            return name + " [" + guest.getAttribute("name") + "]";
        }
        String serial = testCase.getAttribute("serial-number");
        String candidate = name + " #" + (serial.isBlank() ? Integer.toString(index) : serial);
        while (!seen.add(candidate)) {
            candidate = candidate + "'";
        }
        return candidate;
    }

    private static String result(Element element) {
        String result = element.getAttribute("result");
        if (result.isBlank()) {
            result = element.getAttribute("overall-result");
        }
        return result.strip().toLowerCase(Locale.ROOT);
    }

    @CheckForNull
    private static String messageOf(@CheckForNull Element element, String fallback) {
        if (element == null) {
            return fallback;
        }
        if (!element.getAttribute("message").isBlank()) {
            return element.getAttribute("message");
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? fallback : text;
    }

    @CheckForNull
    private static BigDecimal seconds(String time) {
        if (time.isBlank()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(time.strip());
            return seconds.signum() < 0 ? null : seconds;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String logs(Element owner) {
        var lines = new ArrayList<String>();
        Element logs = child(owner, "logs");
        if (logs != null) {
            for (Element log : children(logs, "log")) {
                String href = log.getAttribute("href");
                if (!href.isBlank()) {
                    String name = log.getAttribute("name").isBlank() ? "log" : log.getAttribute("name");
                    lines.add(name + ": " + resolve(href));
                }
            }
        }
        return String.join("\n", lines);
    }

    private String resolve(String href) {
        if (artifactsUrl == null) {
            return href;
        }
        try {
            URI uri = new URI(href);
            if (uri.isAbsolute()) {
                return href;
            }
            String base = artifactsUrl.toString().endsWith("/") ? artifactsUrl.toString() : artifactsUrl + "/";
            return URI.create(base).resolve(uri).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return href;
        }
    }

    private static Element firstWithEnvironment(Element suite, List<Element> cases) {
        if (requestedEnvironment(suite) != null) {
            return suite;
        }
        for (Element testCase : cases) {
            if (requestedEnvironment(testCase) != null) {
                return testCase;
            }
        }
        return suite;
    }

    @CheckForNull
    private static String requested(Element owner, String property, @CheckForNull String fallback) {
        Element environment = requestedEnvironment(owner);
        if (environment != null) {
            for (Element candidate : children(environment, "property")) {
                if (candidate.getAttribute("name").equals(property) && !candidate.getAttribute("value").isBlank()) {
                    return candidate.getAttribute("value");
                }
            }
        }
        return fallback;
    }

    @CheckForNull
    private static Element requestedEnvironment(Element owner) {
        for (Element environment : children(owner, "testing-environment")) {
            if (environment.getAttribute("name").equals("requested")) {
                return environment;
            }
        }
        return null;
    }

    private static String className(@CheckForNull String compose, @CheckForNull String arch, String plan) {
        String dotted = plan.replaceAll("^/+", "").replace('/', '.');
        if (dotted.isEmpty()) {
            dotted = NO_PLAN;
        }
        return compose == null || arch == null ? dotted : compose + "." + arch + "." + dotted;
    }

    @CheckForNull
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        var result = new ArrayList<Element>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    private static Document parse(String xunit, String source) {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xunit)));
        } catch (SAXException e) {
            throw new InvalidXunitException("the xunit from " + source + " is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new InvalidXunitException("cannot read the xunit from " + source + ": " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }
}
