package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML bytes into a position-carrying {@link YamlNode} tree from SnakeYAML's event stream (the events
 * carry every anchor and position; no object is composed or constructed by SnakeYAML).
 *
 * <p>Anchors and aliases are resolved by sharing nodes, {@code <<:} merge keys are expanded (written keys win).
 * A key written twice in one mapping is a warning and the later value is used, as PyYAML (which Packit uses) keeps
 * the last value of a repeated key. Size, nesting depth and alias expansion are capped ({@link YamlLimits}); tags other
 * than the YAML core schema's are refused, so no type is ever constructed from the input. Scalars resolve as in
 * YAML 1.1 (PyYAML, which Packit uses): {@code yes}/{@code on} are booleans.
 */
final class YamlTreeReader {
    private static final String MERGE_KEY = "<<";
    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "bool", "null", "float", "map", "seq");
    private static final Resolver RESOLVER = new Resolver();
    /** What a file without YAML in it means, as Packit reads it ({@code {}}, so its default jobs). */
    static final String EMPTY = "the file is empty (no YAML in it, at most comments): Packit reads it as {} and runs "
            + "its default jobs, copr_build and tests on pull requests and propose_downstream on releases";

    private final String file;
    private final YamlLimits limits;
    private final Diagnostics diagnostics;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private long expandedNodes;

    YamlTreeReader(String file, YamlLimits limits, Diagnostics diagnostics) {
        this.file = Objects.requireNonNull(file, "file");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Thrown inside the reader to stop at the first fatal problem (already recorded). */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The document's root; empty when the file could not be read (problems recorded: bytes that are not UTF-8 text
     * are an error at the first bad byte). A blank file is an empty mapping, with a warning that it is empty.
     */
    Optional<YamlNode> read(byte[] content) {
        if (content.length > limits.maxBytes()) {
            diagnostics.error(SourcePosition.of(file), "file is %d bytes, more than the limit of %d bytes"
                    .formatted(content.length, limits.maxBytes()));
            return Optional.empty();
        }
        var notUtf8 = Utf8Text.firstBadByte(file, content);
        if (notUtf8.isPresent()) {
            diagnostics.error(notUtf8.get().position(), notUtf8.get().message());
            return Optional.empty();
        }
        var loaderOptions = new LoaderOptions();
        loaderOptions.setAllowDuplicateKeys(false);
        loaderOptions.setMaxAliasesForCollections(50);
        loaderOptions.setNestingDepthLimit(limits.maxDepth() + 1);
        loaderOptions.setCodePointLimit(limits.maxBytes());
        loaderOptions.setAllowRecursiveKeys(false);
        try {
            var reader = new StreamReader(new UnicodeReader(new ByteArrayInputStream(content)));
            Parser parser = new ParserImpl(reader, loaderOptions);
            expect(parser, Event.ID.StreamStart);
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                diagnostics.warning(SourcePosition.of(file), EMPTY);
                return Optional.of(YamlMapping.empty(new SourcePosition(file, 1, 1)));
            }
            expect(parser, Event.ID.DocumentStart);
            var root = readValue(parser, parser.getEvent(), 1, "the top level");
            expect(parser, Event.ID.DocumentEnd);
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                diagnostics.error(position(parser.peekEvent().getStartMark()),
                        "more than one YAML document in the file; packit.yaml holds exactly one");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (Abort abort) {
            return Optional.empty();
        } catch (MarkedYAMLException syntax) {
            var mark = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            var problem = syntax.getProblem() != null ? syntax.getProblem() : syntax.getContext();
            var context = syntax.getContext() != null && syntax.getProblem() != null ? " (" + syntax.getContext().strip() + ")" : "";
            diagnostics.error(mark == null ? SourcePosition.of(file) : position(mark),
                    "invalid YAML: " + firstLine(String.valueOf(problem)) + (context.isEmpty() ? "" : " " + firstLine(context)));
            return Optional.empty();
        } catch (YAMLException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException unreadable) {
            diagnostics.error(SourcePosition.of(file), "invalid YAML: " + firstLine(String.valueOf(unreadable.getMessage())));
            return Optional.empty();
        }
    }

    private void expect(Parser parser, Event.ID id) {
        var event = parser.getEvent();
        if (!event.is(id)) {
            fatal(position(event.getStartMark()), "invalid YAML: expected " + id + ", got " + event.getEventId());
        }
    }

    private YamlNode readValue(Parser parser, Event event, int depth, String path) {
        var where = position(event.getStartMark());
        if (depth > limits.maxDepth()) {
            fatal(where, "YAML nested deeper than %d levels in %s".formatted(limits.maxDepth(), YamlScalar.abbreviated(path)));
        }
        if (event instanceof AliasEvent alias) {
            return alias(alias.getAnchor(), where);
        }
        if (!(event instanceof NodeEvent nodeEvent)) {
            fatal(where, "invalid YAML: unexpected " + event.getEventId() + " in " + path);
            return null;
        }
        YamlNode node;
        if (event.is(Event.ID.MappingStart)) {
            checkTag(((CollectionStartEvent) event).getTag(), where);
            node = readMapping(parser, depth, path, where);
        } else if (event.is(Event.ID.SequenceStart)) {
            checkTag(((CollectionStartEvent) event).getTag(), where);
            node = readSequence(parser, depth, path, where);
        } else {
            node = scalar((ScalarEvent) event, where);
        }
        count(1);
        if (nodeEvent.getAnchor() != null) {
            anchors.put(nodeEvent.getAnchor(), node);
        }
        return node;
    }

    private YamlNode alias(String name, SourcePosition where) {
        var target = anchors.get(name);
        if (target == null) {
            fatal(where, "unknown YAML alias '*%s' (no anchor '&%s' before it)".formatted(name, name));
        }
        count(target.size());
        return target;
    }

    private void count(long nodes) {
        expandedNodes = YamlMapping.saturatedAdd(expandedNodes, nodes);
        if (expandedNodes > limits.maxNodes()) {
            fatal(SourcePosition.of(file), "YAML expands to more than %d nodes (aliases and merge keys included); refusing it"
                    .formatted(limits.maxNodes()));
        }
    }

    private YamlMapping readMapping(Parser parser, int depth, String path, SourcePosition where) {
        var written = new LinkedHashMap<String, YamlMapping.Entry>();
        var merged = new LinkedHashMap<String, YamlMapping.Entry>();
        var firstLines = new HashMap<String, Integer>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            var keyEvent = parser.getEvent();
            var keyPosition = position(keyEvent.getStartMark());
            var keyNode = readValue(parser, keyEvent, depth + 1, path);
            if (!(keyNode instanceof YamlScalar keyScalar) || keyScalar.isNull()) {
                diagnostics.error(keyPosition, "mapping keys in %s must be plain values, got %s".formatted(path, keyNode.describe()));
                readValue(parser, parser.getEvent(), depth + 1, path);
                continue;
            }
            var key = keyScalar.text();
            boolean isMerge = MERGE_KEY.equals(key) && keyEvent instanceof ScalarEvent scalarKey && scalarKey.isPlain();
            var childPath = path.equals("the top level") ? key : path + "." + key;
            var value = readValue(parser, parser.getEvent(), depth + 1, childPath);
            if (isMerge) {
                merge(value, merged, path);
                continue;
            }
            var first = firstLines.putIfAbsent(key, keyPosition.line());
            if (first != null) {
                diagnostics.warning(keyPosition, "repeated key '%s' (first at line %d): the later value is used, as Packit reads it"
                        .formatted(key, first));
            }
            written.put(key, new YamlMapping.Entry(key, keyPosition, value));
        }
        parser.getEvent();
        for (var entry : merged.values()) {
            written.putIfAbsent(entry.key(), entry);
        }
        return YamlMapping.of(written, where);
    }

    private void merge(YamlNode value, Map<String, YamlMapping.Entry> merged, String path) {
        if (value instanceof YamlMapping mapping) {
            for (var entry : mapping.entries().values()) {
                if (!merged.containsKey(entry.key())) {
                    count(entry.value().size());
                    merged.put(entry.key(), entry);
                }
            }
        } else if (value instanceof YamlSequence sequence) {
            for (var item : sequence.items()) {
                if (item instanceof YamlMapping) {
                    merge(item, merged, path);
                } else {
                    diagnostics.error(item.position(),
                            "merge key '<<' in %s takes mappings, got %s".formatted(path, item.describe()));
                }
            }
        } else {
            diagnostics.error(value.position(),
                    "merge key '<<' in %s takes a mapping or a list of mappings, got %s".formatted(path, value.describe()));
        }
    }

    private YamlSequence readSequence(Parser parser, int depth, String path, SourcePosition where) {
        var items = new ArrayList<YamlNode>();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(readValue(parser, parser.getEvent(), depth + 1, path + "[" + items.size() + "]"));
        }
        parser.getEvent();
        return YamlSequence.of(items, where);
    }

    private YamlScalar scalar(ScalarEvent event, SourcePosition where) {
        var tag = event.getTag();
        Tag resolved;
        if (tag == null || tag.equals("!")) {
            resolved = RESOLVER.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
        } else {
            checkTag(tag, where);
            resolved = new Tag(tag);
        }
        YamlScalar.Kind kind;
        if (Tag.NULL.equals(resolved)) {
            kind = YamlScalar.Kind.NULL;
        } else if (Tag.BOOL.equals(resolved)) {
            kind = YamlScalar.Kind.BOOLEAN;
        } else if (Tag.INT.equals(resolved)) {
            kind = YamlScalar.Kind.INTEGER;
        } else if (Tag.FLOAT.equals(resolved)) {
            kind = YamlScalar.Kind.FLOAT;
        } else {
            kind = YamlScalar.Kind.STRING;
        }
        return new YamlScalar(kind, event.getValue(), where);
    }

    private void checkTag(String tag, SourcePosition where) {
        if (tag == null || tag.equals("!")
                || tag.startsWith(CORE_TAG_PREFIX) && CORE_TAGS.contains(tag.substring(CORE_TAG_PREFIX.length()))) {
            return;
        }
        diagnostics.error(where, "YAML tag '%s' is not supported; packit.yaml uses plain values"
                .formatted(tag.startsWith(CORE_TAG_PREFIX) ? "!!" + tag.substring(CORE_TAG_PREFIX.length()) : tag));
    }

    private void fatal(SourcePosition where, String message) {
        diagnostics.error(where, message);
        throw new Abort(message);
    }

    private SourcePosition position(Mark mark) {
        return mark == null ? SourcePosition.of(file) : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        var trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
