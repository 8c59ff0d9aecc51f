package io.packit.pipeline.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.diag.SourcePosition;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A YAML scalar with its resolved kind (YAML 1.1 resolution as PyYAML does it: {@code yes}/{@code on} are
 * booleans, {@code ~} and the empty value are null).
 *
 * @param kind     what the scalar resolved to
 * @param text     the scalar's text as written (for null: the text, possibly empty)
 * @param position where it was written
 */
record YamlScalar(Kind kind, String text, SourcePosition position) implements YamlNode {
    /** What a scalar resolved to. */
    enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    YamlScalar {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    boolean isString() {
        return kind == Kind.STRING;
    }

    /** The boolean value (only for {@link Kind#BOOLEAN}). */
    boolean booleanValue() {
        var lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
    }

    /** The integer value (only for {@link Kind#INTEGER}); YAML 1.1 prefixes and underscores allowed. */
    BigInteger integerValue() {
        var digits = text.replace("_", "");
        int sign = 1;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            sign = digits.startsWith("-") ? -1 : 1;
            digits = digits.substring(1);
        }
        BigInteger value;
        try {
            if (digits.startsWith("0x")) {
                value = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0b")) {
                value = new BigInteger(digits.substring(2), 2);
            } else if (digits.startsWith("0o")) {
                value = new BigInteger(digits.substring(2), 8);
            } else if (digits.length() > 1 && digits.startsWith("0") && digits.chars().allMatch(Character::isDigit)) {
                value = new BigInteger(digits.substring(1), 8);
            } else if (digits.contains(":")) {
                value = BigInteger.ZERO;
                for (var part : digits.split(":", -1)) {
                    value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                value = new BigInteger(digits);
            }
        } catch (NumberFormatException notANumber) {
            return BigInteger.ZERO;
        }
        return sign < 0 ? value.negate() : value;
    }

    @Override
    public long size() {
        return 1;
    }

    @Override
    public String describe() {
        switch (kind) {
            case NULL:
                return "null";
            case BOOLEAN:
                return "boolean " + text;
            case INTEGER:
                return "integer " + text;
            case FLOAT:
                return "number " + text;
            default:
                return "string '" + abbreviated(text) + "'";
        }
    }

    @Override
    @CheckForNull
    public Object toPlain() {
        switch (kind) {
            case NULL:
                return null;
            case BOOLEAN:
                return booleanValue();
            case INTEGER:
                var value = integerValue();
                return value.bitLength() < 64 ? (Object) value.longValue() : value;
            case FLOAT:
                try {
                    return Double.valueOf(text.replace("_", ""));
                } catch (NumberFormatException special) {
                    return text;
                }
            default:
                return text;
        }
    }

    /** {@code text} cut to 60 characters, one line, for messages. */
    static String abbreviated(String text) {
        var oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
