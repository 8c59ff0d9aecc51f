package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import java.util.List;
import java.util.Objects;

/**
 * Checks one key's value against its {@link ValueKind}, reporting positioned errors that name the value.
 * Job-level leniencies of Packit are honoured: a plain string is accepted for {@code targets} and
 * {@code dist_git_branches} inside a job only.
 */
final class ValueChecker {
    private final Diagnostics diagnostics;
    private final TargetAliases aliases;

    ValueChecker(Diagnostics diagnostics, TargetAliases aliases) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
    }

    /** Checks {@code entry}'s value; {@code where} names the mapping ({@code jobs[2]}), {@code inJob} the level. */
    void check(YamlMapping.Entry entry, ValueKind kind, String where, boolean inJob) {
        var key = entry.key();
        var value = entry.value();
        var name = "'" + key + "' in " + where;
        if (value instanceof YamlScalar scalar && scalar.isNull() && ConfigKeys.NOT_NULL.contains(key)) {
            diagnostics.error(entry.keyPosition(), "%s must be %s, got null".formatted(name, kind.expected()));
            return;
        }
        switch (kind) {
            case STRING:
                if (scalarOfKind(name, value, true, YamlScalar.Kind.STRING) && value instanceof YamlScalar text
                        && text.isString()) {
                    stringRules(name, key, text);
                }
                break;
            case BOOLEAN:
                bool(name, entry);
                break;
            case INTEGER:
            case NON_NEGATIVE_INTEGER:
                integer(name, value, kind);
                break;
            case INTEGER_OR_STRING:
                // Packit's spec_source_id is a Method field: any value, numbers made 'Source<n>' with int()
                if (!(value instanceof YamlScalar)) {
                    wrong(name, kind, value);
                }
                break;
            case STRING_LIST:
                stringList(name, value, kind, true);
                break;
            case DEPENDS:
                depends(name, where + "." + key, value);
                break;
            case ANY_MAPPING:
                mapping(name, value, kind, true);
                break;
            case NOTIFICATIONS:
            case OSH_OPTIONS:
            case TEST_COMMAND:
                if (mapping(name, value, kind, true) && value instanceof YamlMapping fields) {
                    new NestedSchemas(this, diagnostics).check(key, fields, where);
                }
                break;
            case ENV:
                if (mapping(name, value, kind, true) && value instanceof YamlMapping env) {
                    for (var variable : env.entries().values()) {
                        if (!(variable.value() instanceof YamlScalar)) {
                            diagnostics.warning(variable.value().position(), "environment variable '%s' in %s is %s, not a value; "
                                    .formatted(variable.key(), name, variable.value().describe()) + "it is left out");
                        }
                    }
                }
                break;
            case BOOTSTRAP:
                if (scalarOfKind(name, value, true, YamlScalar.Kind.STRING) && value instanceof YamlScalar scalar
                        && scalar.isString()) {
                    oneOf(name, scalar, ConfigKeys.BOOTSTRAP_VALUES);
                }
                break;
            case PACKIT_INSTANCES:
                if (stringList(name, value, kind, true) && value instanceof YamlSequence instances) {
                    for (var item : instances.items()) {
                        if (item instanceof YamlScalar scalar && scalar.isString()) {
                            oneOf(name, scalar, ConfigKeys.INSTANCES);
                        }
                    }
                }
                break;
            case TARGETS:
                targets(name, value, inJob);
                break;
            case DIST_GIT_BRANCHES:
                distGitBranches(name, value, inJob);
                break;
            case ACTIONS:
                actions(name, value);
                break;
            case SOURCES:
                sources(name, value);
                break;
            case FILES_TO_SYNC:
                filesToSync(name, value);
                break;
            case REQUIRE:
                require(name, value);
                break;
            default:
                break;
        }
    }

    /** Whether {@code value} is a scalar of one of {@code kinds} (or null when allowed); reports otherwise. */
    boolean scalarOfKind(String name, YamlNode value, boolean nullAllowed, YamlScalar.Kind... kinds) {
        if (value instanceof YamlScalar scalar) {
            if (scalar.isNull() && nullAllowed) {
                return true;
            }
            for (var kind : kinds) {
                if (scalar.kind() == kind) {
                    return true;
                }
            }
        }
        var expected = kinds.length == 2 ? "an integer or a string" : describe(kinds[0]);
        diagnostics.error(value.position(), "%s must be %s, got %s".formatted(name, expected, value.describe()));
        return false;
    }

    /**
     * An integer key's value as Packit reads it ({@link YamlScalar#packitInteger}): a YAML integer; else a value
     * marshmallow's {@code fields.Integer} casts with Python's {@code int()} (a numeric string, a number, truncated),
     * with a warning naming the integer to write; else an error.
     */
    private void integer(String name, YamlNode value, ValueKind kind) {
        if (!(value instanceof YamlScalar scalar) || scalar.isNull()) {
            scalarOfKind(name, value, true, YamlScalar.Kind.INTEGER);
            return;
        }
        var read = scalar.packitInteger();
        if (read.isEmpty()) {
            diagnostics.error(value.position(), "%s must be an integer, got %s".formatted(name, value.describe()));
            return;
        }
        if (kind == ValueKind.NON_NEGATIVE_INTEGER && read.get().signum() < 0) {
            wrong(name, kind, value);
        } else if (scalar.kind() != YamlScalar.Kind.INTEGER) {
            diagnostics.warning(value.position(), "%s is %s, which Packit reads as %s; write %s"
                    .formatted(name, value.describe(), read.get(), read.get()));
        }
    }

    /** Rules of Packit's schema on some string keys (packit/packit@69d783e8 packit/schema.py:405-424). */
    private void stringRules(String name, String key, YamlScalar text) {
        if (key.equals("upstream_package_name") && (text.text().contains("/") || text.text().indexOf('\0') >= 0)) {
            diagnostics.error(text.position(), "%s must be a repository name (a file name: no '/'), got %s"
                    .formatted(name, text.describe()));
        } else if (key.equals("version_update_specifiers") && !VersionSpecifiers.isValid(text.text())) {
            diagnostics.error(text.position(), "%s must be a PEP 440 version specifier set (e.g. '>=1.2,<2'), got %s"
                    .formatted(name, text.describe()));
        }
    }

    /**
     * A boolean key's value as Packit's schema reads it ({@link YamlScalar#packitBoolean}): a YAML boolean; else a
     * value marshmallow reads as one, with a warning naming the YAML boolean to write; else an error. Null is an
     * error: marshmallow's {@code fields.Boolean} refuses it ("Field may not be null."); the job-level keys whose
     * null Packit drops are not checked here ({@link JobReader}).
     */
    void bool(String name, YamlMapping.Entry entry) {
        var value = entry.value();
        if (value instanceof YamlScalar scalar) {
            if (scalar.kind() == YamlScalar.Kind.BOOLEAN) {
                return;
            }
            var read = scalar.packitBoolean();
            if (read.isPresent()) {
                diagnostics.warning(value.position(), "%s is %s, which Packit reads as %s; write %s (a YAML boolean)"
                        .formatted(name, value.describe(), read.get(), read.get()));
                return;
            }
        }
        diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.keyPosition() : value.position(),
                "%s must be %s, got %s".formatted(name, describe(YamlScalar.Kind.BOOLEAN), value.describe()));
    }

    private static String describe(YamlScalar.Kind kind) {
        switch (kind) {
            case BOOLEAN:
                return "a boolean (true or false)";
            case INTEGER:
                return "an integer";
            default:
                return "a string";
        }
    }

    boolean stringList(String name, YamlNode value, ValueKind kind, boolean nullAllowed) {
        if (value instanceof YamlScalar scalar && scalar.isNull() && nullAllowed) {
            return true;
        }
        if (!(value instanceof YamlSequence sequence)) {
            wrong(name, kind, value);
            return false;
        }
        boolean ok = true;
        for (var item : sequence.items()) {
            // marshmallow's fields.String takes strings only: not 41, not true
            if (!(item instanceof YamlScalar scalar) || !scalar.isString()) {
                diagnostics.error(item.position(), "%s must be %s, got %s in the list"
                        .formatted(name, kind.expected(), item.describe()));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * {@code depends}: a list whose entries are package names or the long form {@code {name: B, rebuild: false}}
     * ({@code name} required, {@code rebuild} a boolean); which names exist is the package reader's check.
     */
    private void depends(String name, String path, YamlNode value) {
        if (value instanceof YamlScalar scalar && scalar.isNull()) {
            return;
        }
        if (!(value instanceof YamlSequence sequence)) {
            wrong(name, ValueKind.DEPENDS, value);
            return;
        }
        int index = 0;
        for (var item : sequence.items()) {
            var at = path + "[" + index++ + "]";
            if (item instanceof YamlMapping mapping) {
                dependency(at, mapping);
            } else if (!(item instanceof YamlScalar scalar) || scalar.isNull()) {
                diagnostics.error(item.position(), "%s must be %s, got %s in the list"
                        .formatted(name, ValueKind.DEPENDS.expected(), item.describe()));
            }
        }
    }

    private void dependency(String at, YamlMapping mapping) {
        for (var entry : mapping.entries().values()) {
            switch (entry.key()) {
                case "name":
                    scalarOfKind("'name' in " + at, entry.value(), false, YamlScalar.Kind.STRING);
                    break;
                case "rebuild":
                    check(entry, ValueKind.BOOLEAN, at, false);
                    break;
                default:
                    diagnostics.error(entry.keyPosition(), "unknown key '%s' in %s (known: %s)%s".formatted(entry.key(),
                            at, DidYouMean.quoted(ConfigKeys.DEPENDENCY_KEYS),
                            DidYouMean.hint(entry.key(), ConfigKeys.DEPENDENCY_KEYS)));
                    break;
            }
        }
        if (!mapping.has("name")) {
            diagnostics.error(mapping.position(), "%s needs 'name', the package it depends on".formatted(at));
        }
    }

    boolean mapping(String name, YamlNode value, ValueKind kind, boolean nullAllowed) {
        if (value instanceof YamlMapping) {
            return true;
        }
        if (value instanceof YamlScalar scalar && scalar.isNull() && nullAllowed) {
            return true;
        }
        wrong(name, kind, value);
        return false;
    }

    private void wrong(String name, ValueKind kind, YamlNode value) {
        diagnostics.error(value.position(), "%s must be %s, got %s".formatted(name, kind.expected(), value.describe()));
    }

    private void oneOf(String name, YamlScalar value, List<String> allowed) {
        if (!allowed.contains(value.text())) {
            diagnostics.error(value.position(), "invalid value '%s' for %s (expected one of: %s)%s".formatted(
                    YamlScalar.abbreviated(value.text()), name, String.join(", ", allowed),
                    DidYouMean.hint(value.text(), allowed)));
        }
    }

    private void targets(String name, YamlNode value, boolean inJob) {
        if (value instanceof YamlScalar scalar) {
            if (scalar.isNull()) {
                return;
            }
            if (inJob && scalar.isString()) {
                targetName(scalar);
                return;
            }
            diagnostics.error(value.position(), "%s must be %s%s, got %s".formatted(name, ValueKind.TARGETS.expected(),
                    inJob ? " (or one target)" : "", value.describe()));
            return;
        }
        if (value instanceof YamlSequence list) {
            for (var item : list.items()) {
                if (item instanceof YamlScalar scalar && scalar.isString()) {
                    targetName(scalar);
                } else {
                    diagnostics.error(item.position(), "target in %s must be a string, got %s".formatted(name, item.describe()));
                }
            }
            return;
        }
        var dict = (YamlMapping) value;
        for (var target : dict.entries().values()) {
            targetName(new YamlScalar(YamlScalar.Kind.STRING, target.key(), target.keyPosition()));
            var options = target.value();
            var optionsName = "target '" + target.key() + "' in " + name.substring(name.indexOf(" in ") + 4);
            if (!(options instanceof YamlMapping optionMap)) {
                diagnostics.error(options.position(), "options of %s must be a mapping, got %s%s".formatted(optionsName,
                        options.describe(), options instanceof YamlScalar scalar && scalar.isNull() ? " (write {} for none)" : ""));
                continue;
            }
            for (var option : optionMap.entries().values()) {
                if (!ConfigKeys.TARGET_OPTION_KEYS.contains(option.key())) {
                    diagnostics.error(option.keyPosition(), "unknown key '%s' in options of %s (expected one of: %s)%s"
                            .formatted(option.key(), optionsName, String.join(", ", ConfigKeys.TARGET_OPTION_KEYS),
                                    DidYouMean.hint(option.key(), ConfigKeys.TARGET_OPTION_KEYS)));
                } else if (option.key().equals("additional_modules")) {
                    scalarOfKind("'additional_modules' of " + optionsName, option.value(), true, YamlScalar.Kind.STRING);
                } else {
                    stringList("'" + option.key() + "' of " + optionsName, option.value(), ValueKind.STRING_LIST, true);
                }
            }
        }
    }

    private void targetName(YamlScalar target) {
        aliases.replacementForDeprecated(target.text()).ifPresent(replacement -> diagnostics.warning(target.position(),
                "target '%s' is deprecated; write '%s'".formatted(target.text(), replacement)));
    }

    private void distGitBranches(String name, YamlNode value, boolean inJob) {
        if (value instanceof YamlScalar scalar) {
            if (scalar.isNull() || (inJob && scalar.isString())) {
                return;
            }
            diagnostics.error(value.position(), "%s must be %s%s, got %s".formatted(name,
                    ValueKind.DIST_GIT_BRANCHES.expected(), inJob ? " (or one branch)" : "", value.describe()));
            return;
        }
        if (value instanceof YamlSequence) {
            stringList(name, value, ValueKind.DIST_GIT_BRANCHES, false);
            return;
        }
        for (var branch : ((YamlMapping) value).entries().values()) {
            var options = branch.value();
            var branchName = "branch '" + branch.key() + "' in " + name;
            if (!(options instanceof YamlMapping optionMap)) {
                diagnostics.error(options.position(), "options of %s must be a mapping, got %s%s".formatted(branchName,
                        options.describe(), options instanceof YamlScalar scalar && scalar.isNull() ? " (write {} for none)" : ""));
                continue;
            }
            for (var option : optionMap.entries().values()) {
                if (option.key().equals("fast_forward_merge_into")) {
                    stringList("'fast_forward_merge_into' of " + branchName, option.value(), ValueKind.STRING_LIST, true);
                } else {
                    diagnostics.error(option.keyPosition(), "unknown key '%s' in options of %s (expected: fast_forward_merge_into)%s"
                            .formatted(option.key(), branchName, DidYouMean.hint(option.key(), List.of("fast_forward_merge_into"))));
                }
            }
        }
    }

    private void actions(String name, YamlNode value) {
        if (!mapping(name, value, ValueKind.ACTIONS, true) || !(value instanceof YamlMapping actions)) {
            return;
        }
        for (var action : actions.entries().values()) {
            if (!ConfigKeys.ACTION_NAMES.contains(action.key())) {
                diagnostics.error(action.keyPosition(), "unknown action '%s' in %s%s".formatted(
                        action.key(), name, DidYouMean.hint(action.key(), ConfigKeys.ACTION_NAMES)));
                continue;
            }
            var command = action.value();
            if (command instanceof YamlMapping) {
                diagnostics.error(command.position(), "action '%s' in %s must be a command or a list of commands, got %s"
                        .formatted(action.key(), name, command.describe()));
            }
        }
    }

    private void sources(String name, YamlNode value) {
        if (value instanceof YamlScalar scalar && scalar.isNull()) {
            return;
        }
        if (!(value instanceof YamlSequence list)) {
            wrong(name, ValueKind.SOURCES, value);
            return;
        }
        for (var item : list.items()) {
            if (!(item instanceof YamlMapping source)) {
                diagnostics.error(item.position(), "%s must be %s, got %s in the list".formatted(name, ValueKind.SOURCES.expected(), item.describe()));
                continue;
            }
            for (var required : List.of("path", "url")) {
                if (!source.has(required)) {
                    diagnostics.error(source.position(), "source in %s lacks '%s'".formatted(name, required));
                }
            }
            for (var entry : source.entries().values()) {
                if (!List.of("path", "url").contains(entry.key())) {
                    diagnostics.error(entry.keyPosition(), "unknown key '%s' in a source of %s (expected: path, url)"
                            .formatted(entry.key(), name));
                } else {
                    scalarOfKind("'" + entry.key() + "' of a source in " + name.substring(1, name.indexOf('\'', 1)),
                            entry.value(), false, YamlScalar.Kind.STRING);
                }
            }
        }
    }

    private void filesToSync(String name, YamlNode value) {
        if (value instanceof YamlScalar scalar && scalar.isNull()) {
            return;
        }
        if (!(value instanceof YamlSequence list)) {
            wrong(name, ValueKind.FILES_TO_SYNC, value);
            return;
        }
        var keys = List.of("src", "dest", "mkpath", "delete", "filters");
        for (var item : list.items()) {
            if (item instanceof YamlScalar scalar && scalar.isString()) {
                continue;
            }
            if (!(item instanceof YamlMapping file)) {
                diagnostics.error(item.position(), "%s must be %s, got %s in the list"
                        .formatted(name, ValueKind.FILES_TO_SYNC.expected(), item.describe()));
                continue;
            }
            for (var entry : file.entries().values()) {
                var entryName = "'" + entry.key() + "' of an entry of " + name;
                switch (entry.key()) {
                    case "mkpath", "delete" -> bool(entryName, entry);
                    case "dest" -> scalarOfKind(entryName, entry.value(), false, YamlScalar.Kind.STRING);
                    case "src" -> source(entryName, entry.value());
                    case "filters" -> stringList(entryName, entry.value(), ValueKind.STRING_LIST, true);
                    default -> diagnostics.error(entry.keyPosition(), "unknown key '%s' in an entry of %s (expected one of: %s)%s"
                            .formatted(entry.key(), name, String.join(", ", keys), DidYouMean.hint(entry.key(), keys)));
                }
            }
        }
    }

    /** {@code src} of a files_to_sync entry: a string or a list of strings (Packit's StringOrListOfStringsField). */
    private void source(String name, YamlNode value) {
        if (value instanceof YamlScalar scalar && scalar.isString()) {
            return;
        }
        if (!(value instanceof YamlSequence list)) {
            diagnostics.error(value.position(), "%s must be a string or a list of strings, got %s".formatted(name, value.describe()));
            return;
        }
        for (var item : list.items()) {
            if (!(item instanceof YamlScalar scalar && scalar.isString())) {
                diagnostics.error(item.position(), "%s must be a string or a list of strings, got %s in the list"
                        .formatted(name, item.describe()));
            }
        }
    }

    private void require(String name, YamlNode value) {
        if (!mapping(name, value, ValueKind.REQUIRE, true) || !(value instanceof YamlMapping require)) {
            return;
        }
        for (var entry : require.entries().values()) {
            if (!entry.key().equals("label")) {
                diagnostics.error(entry.keyPosition(), "unknown key '%s' in %s (expected: label)%s"
                        .formatted(entry.key(), name, DidYouMean.hint(entry.key(), List.of("label"))));
                continue;
            }
            if (!mapping("'label' of " + name, entry.value(), ValueKind.ANY_MAPPING, true)
                    || !(entry.value() instanceof YamlMapping label)) {
                continue;
            }
            for (var condition : label.entries().values()) {
                if (condition.key().equals("present") || condition.key().equals("absent")) {
                    stringList("'" + condition.key() + "' of require.label in " + name, condition.value(), ValueKind.STRING_LIST, true);
                } else {
                    diagnostics.error(condition.keyPosition(), "unknown key '%s' in require.label of %s (expected: present, absent)%s"
                            .formatted(condition.key(), name, DidYouMean.hint(condition.key(), List.of("present", "absent"))));
                }
            }
        }
    }
}
