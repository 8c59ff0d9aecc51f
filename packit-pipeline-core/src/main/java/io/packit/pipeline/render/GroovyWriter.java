package io.packit.pipeline.render;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes Groovy source text line by line with indentation, and turns values into inert Groovy: every string
 * becomes a single-quoted literal with {@code \}, {@code '} and every character outside printable ASCII escaped,
 * so no value can end the literal, interpolate ({@code ${...}} is not special in single quotes) or reach the
 * lexer's unicode-escape processing as anything but an escaped backslash.
 */
public final class GroovyWriter {
    /** Characters allowed in stage names: safe id characters, spaces, separators and the middle dot. */
    public static final Pattern SAFE_STAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+@:/ ()\u00b7-]{0,300}");

    private static final String INDENT = "    ";
    private final StringBuilder text = new StringBuilder();
    private int depth;

    /** Appends one line at the current indentation. */
    public GroovyWriter line(String line) {
        Objects.requireNonNull(line, "line");
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a line cannot contain a line break");
        }
        if (!line.isEmpty()) {
            text.append(INDENT.repeat(depth)).append(line);
        }
        text.append('\n');
        return this;
    }

    /** Appends {@code head + " {"} and indents. */
    public GroovyWriter open(String head) {
        line(head + " {");
        depth++;
        return this;
    }

    /** Dedents and appends {@code "}"}. */
    public GroovyWriter close() {
        if (depth == 0) {
            throw new IllegalStateException("close() without open()");
        }
        depth--;
        return line("}");
    }

    /** The text written so far; every block must be closed. */
    public String text() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " blocks left open");
        }
        return text.toString();
    }

    /** {@code value} as a single-quoted Groovy string literal that evaluates to exactly {@code value}. */
    public static String literal(String value) {
        Objects.requireNonNull(value, "value");
        var out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /** {@code values} as a Groovy list of single-quoted literals, e.g. {@code ['a', 'b']}. */
    public static String list(List<String> values) {
        return values.stream().map(GroovyWriter::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code name} as a stage-name literal, after checking it against {@link #SAFE_STAGE_NAME}. */
    public static String stageName(String name) {
        if (!SAFE_STAGE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe stage name '" + comment(name) + "'");
        }
        // the middle dot is the renderer's own separator: written as itself, not as a unicode escape
        return literal(name).replace("\\u00b7", "\u00b7");
    }

    /**
     * {@code value} made inert for a {@code //} comment: printable ASCII except {@code \} is kept, everything else
     * (line breaks, backslashes that could start a unicode escape) becomes {@code ?}.
     */
    public static String comment(String value) {
        var out = new StringBuilder(value.length());
        value.chars().forEach(c -> out.append(c >= 0x20 && c <= 0x7e && c != '\\' ? (char) c : '?'));
        return out.toString();
    }
}
