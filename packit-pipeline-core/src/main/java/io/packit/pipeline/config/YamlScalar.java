package io.packit.pipeline.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.diag.SourcePosition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

    /**
     * The strings marshmallow's {@code fields.Boolean.truthy} and {@code falsy} hold (marshmallow 3.18,
     * {@code marshmallow/fields.py}, {@code class Boolean}), which Packit's schema uses for every boolean key.
     */
    private static final Set<String> TRUTHY = Set.of("t", "T", "true", "True", "TRUE", "on", "On", "ON", "y", "Y",
            "yes", "Yes", "YES", "1");
    /** What Python's {@code int(str)} takes in base 10. */
    private static final Pattern PYTHON_INT = Pattern.compile("\\s*([+-]?[0-9]+(?:_[0-9]+)*)\\s*");
    private static final Set<String> FALSY = Set.of("f", "F", "false", "False", "FALSE", "off", "Off", "OFF", "n", "N",
            "no", "No", "NO", "0");

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

    /**
     * The boolean Packit reads from this scalar, or empty when it reads none: a YAML boolean, or what marshmallow's
     * {@code fields.Boolean} (Packit's schema, marshmallow 3.18) turns into one: a number equal to 0 or 1 (Python
     * compares {@code 1.0 == 1}) and the strings of its truthy and falsy sets, exactly as listed there ({@code "yes"},
     * {@code "On"}, {@code "1"}, {@code "t"}, ... but not {@code "tRuE"}). Null reads as none.
     */
    Optional<Boolean> packitBoolean() {
        switch (kind) {
            case BOOLEAN:
                return Optional.of(booleanValue());
            case INTEGER:
                var number = integerValue();
                return number.equals(BigInteger.ONE) ? Optional.of(true)
                        : number.signum() == 0 ? Optional.of(false) : Optional.empty();
            case FLOAT:
                try {
                    double value = Double.parseDouble(text.replace("_", ""));
                    return value == 1.0 ? Optional.of(true) : value == 0.0 ? Optional.of(false) : Optional.empty();
                } catch (NumberFormatException special) {
                    return Optional.empty();
                }
            case STRING:
                return TRUTHY.contains(text) ? Optional.of(true) : FALSY.contains(text) ? Optional.of(false) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /**
     * The integer Packit reads from this scalar, or empty when it reads none: a YAML integer, or what marshmallow's
     * {@code fields.Integer} (not strict) casts with Python's {@code int()}: a finite number, truncated toward zero,
     * or a string of decimal digits (a sign, single underscores between digits and surrounding blanks allowed).
     * Booleans are refused, as marshmallow does.
     */
    Optional<BigInteger> packitInteger() {
        switch (kind) {
            case INTEGER:
                return Optional.of(integerValue());
            case FLOAT:
                try {
                    double value = Double.parseDouble(text.replace("_", ""));
                    return Double.isFinite(value) ? Optional.of(new BigDecimal(value).toBigInteger()) : Optional.empty();
                } catch (NumberFormatException special) {
                    return Optional.empty();
                }
            case STRING:
                var matcher = PYTHON_INT.matcher(text);
                return matcher.matches() ? Optional.of(new BigInteger(matcher.group(1).replace("_", ""))) : Optional.empty();
            default:
                return Optional.empty();
        }
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
