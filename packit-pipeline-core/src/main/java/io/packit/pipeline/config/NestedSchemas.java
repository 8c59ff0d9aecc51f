package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import java.util.Map;
import java.util.Objects;

/**
 * The keys of the mappings Packit reads with a schema of their own: {@code notifications} (its three parts),
 * {@code test_command} and {@code osh_options} (packit/packit@69d783e8 packit/schema.py:175-226, :426-437). An
 * unknown key is refused there ("Unknown field."), and so is a value of the wrong shape.
 */
final class NestedSchemas {
    private static final Map<String, Map<String, ValueKind>> FIELDS = Map.of(
            "notifications", Map.of("pull_request", ValueKind.ANY_MAPPING, "failure_comment", ValueKind.ANY_MAPPING,
                    "failure_issue", ValueKind.ANY_MAPPING),
            "notifications.pull_request", Map.of("successful_build", ValueKind.BOOLEAN),
            "notifications.failure_comment", Map.of("message", ValueKind.STRING),
            "notifications.failure_issue", Map.of("create", ValueKind.BOOLEAN),
            "test_command", Map.of("default_labels", ValueKind.STRING_LIST, "default_identifier", ValueKind.STRING),
            "osh_options", Map.of("analyzer", ValueKind.STRING, "config", ValueKind.STRING, "profile", ValueKind.STRING));

    private final ValueChecker checker;
    private final Diagnostics diagnostics;

    NestedSchemas(ValueChecker checker, Diagnostics diagnostics) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Checks {@code mapping}, the value of {@code key} ({@code notifications}, ...) in {@code where}. */
    void check(String key, YamlMapping mapping, String where) {
        var fields = FIELDS.get(key);
        for (var entry : mapping.entries().values()) {
            var kind = fields.get(entry.key());
            if (kind == null) {
                diagnostics.error(entry.keyPosition(), "unknown key '%s' in '%s' in %s (expected one of: %s)%s".formatted(
                        entry.key(), key, where, String.join(", ", fields.keySet().stream().sorted().toList()),
                        DidYouMean.hint(entry.key(), fields.keySet())));
                continue;
            }
            var inner = key + "." + entry.key();
            if (FIELDS.containsKey(inner)) {
                // a nested schema of its own: a mapping, not null (marshmallow's fields.Nested has no default)
                if (entry.value() instanceof YamlMapping nested) {
                    check(inner, nested, where);
                } else {
                    diagnostics.error(entry.value() instanceof YamlScalar scalar && scalar.isNull() ? entry.keyPosition()
                            : entry.value().position(), "'%s' in %s must be a mapping, got %s"
                            .formatted(inner, where, entry.value().describe()));
                }
                continue;
            }
            checker.check(entry, kind, "'" + key + "' in " + where, true);
        }
    }
}
