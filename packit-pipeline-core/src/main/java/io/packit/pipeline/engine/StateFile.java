package io.packit.pipeline.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.graph.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a run on disk (JSON): every node's state and remote ids, so that a crashed or interrupted run
 * resumes polling ({@code run --resume STATE}) and never submits a node twice.
 *
 * <p>Each write goes to a temporary file in the same directory, is forced to disk, then moved over the old file
 * with {@code ATOMIC_MOVE}: a crash mid-write leaves the previous complete file.
 *
 * @param configFile   the config the plan was made from
 * @param configDigest its digest; a resume refuses a state written for another config
 * @param event        the event, as the CLI described it
 * @param nodes        every node's status, in plan order
 */
public record StateFile(String configFile, String configDigest, String event, List<NodeStatus> nodes) {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public StateFile {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(configDigest, "configDigest");
        Objects.requireNonNull(event, "event");
        nodes = List.copyOf(nodes);
    }

    /** A snapshot of {@code state}. */
    public static StateFile of(RunState state, String event) {
        var config = state.plan().config();
        return new StateFile(config.file(), config.digest(), event, state.statuses());
    }

    /** This state as JSON text (what {@link #write} puts in the file; a Jenkins build keeps it on its Run). */
    public String toJson() {
        return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads JSON text made by {@link #toJson()}; {@code source} names it in errors. */
    public static StateFile fromJson(String text, String source) {
        try {
            return of(JSON.readValue(text, Json.class), Path.of(source));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the run state " + source + ": " + e.getMessage(), e);
        }
    }

    private byte[] bytes() {
        var json = new Json(FORMAT, configFile, configDigest, event, nodes.stream().map(JsonNode::of).toList());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the run state: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes this state to {@code path} atomically ({@link AtomicFile}). */
    public void write(Path path) {
        AtomicFile.write(path, bytes(), "the run state");
    }

    /** Reads a state written by {@link #write}. */
    public static StateFile read(Path path) {
        Json json;
        try {
            json = JSON.readValue(path.toFile(), Json.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run state " + path + ": " + e.getMessage(), e);
        }
        return of(json, path);
    }

    private static StateFile of(Json json, Path path) {
        if (json.format() != FORMAT) {
            throw new IllegalArgumentException(path + ": state format " + json.format() + " is not " + FORMAT);
        }
        return new StateFile(json.configFile(), json.configDigest(), json.event(),
                json.nodes().stream().map(node -> node.toStatus(path)).toList());
    }

    /** A listener that rewrites {@code path} whenever a remote id is recorded or a node changes state. */
    public static RunListener writer(RunState state, String event, Path path) {
        return (status, change) -> {
            if (change == RunListener.Change.REMOTE_ID || change == RunListener.Change.STATE) {
                of(state, event).write(path);
            }
        };
    }

    private record Json(int format, String configFile, String configDigest, String event, List<JsonNode> nodes) {
        Json {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
        }
    }

    private record JsonChroot(@CheckForNull String state, @CheckForNull String reason, @CheckForNull String url,
            @CheckForNull JsonReused reused) {
    }

    /** A reused chroot's build (absent for the others). */
    private record JsonReused(long buildId, @CheckForNull String owner, @CheckForNull String project,
            @CheckForNull String commit, @CheckForNull String origin) {
        @CheckForNull
        static JsonReused of(@CheckForNull ReusedBuild build) {
            return build == null ? null : new JsonReused(build.buildId(), build.owner(), build.project(), build.commit(),
                    build.origin().key());
        }

        ReusedBuild toBuild() {
            return new ReusedBuild(buildId, text(owner), text(project), text(commit),
                    ReusedBuild.Origin.fromKey(Objects.requireNonNull(origin, "origin")));
        }

        private static String text(@CheckForNull String value) {
            return value == null ? "" : value;
        }
    }

    private record JsonNode(
            @CheckForNull String id,
            @CheckForNull String state,
            @CheckForNull String reason,
            @CheckForNull Map<String, JsonChroot> chroots,
            @CheckForNull Map<String, String> remote,
            @CheckForNull Map<String, String> links,
            @CheckForNull String junit,
            @CheckForNull String startedAt,
            @CheckForNull String endedAt) {
        static JsonNode of(NodeStatus status) {
            var chroots = new LinkedHashMap<String, JsonChroot>();
            status.chroots().forEach((name, outcome) ->
                    chroots.put(name, new JsonChroot(outcome.state().key(), outcome.reason(), outcome.url(),
                            JsonReused.of(outcome.reused()))));
            Instant started = status.startedAt();
            Instant ended = status.endedAt();
            return new JsonNode(status.id().toString(), status.state().key(), status.reason(), chroots,
                    status.remote(), status.links(), status.junit(),
                    started == null ? null : started.toString(),
                    ended == null ? null : ended.toString());
        }

        NodeStatus toStatus(Path path) {
            try {
                var chrootOutcomes = new LinkedHashMap<String, ChrootOutcome>();
                if (chroots != null) {
                    chroots.forEach((name, outcome) -> {
                        var reused = outcome.reused();
                        chrootOutcomes.put(name, new ChrootOutcome(state(outcome.state()), text(outcome.reason()),
                                text(outcome.url()), reused == null ? null : reused.toBuild()));
                    });
                }
                return new NodeStatus(NodeId.parse(Objects.requireNonNull(id, "id")), state(state), text(reason),
                        chrootOutcomes,
                        remote == null ? Map.of() : remote, links == null ? Map.of() : links, text(junit),
                        startedAt == null ? null : Instant.parse(startedAt),
                        endedAt == null ? null : Instant.parse(endedAt));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(path + ": node '" + id + "' cannot be read: " + e.getMessage(), e);
            }
        }

        private static NodeState state(@CheckForNull String key) {
            if (key == null) {
                throw new IllegalArgumentException("no state");
            }
            return NodeState.valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }

        private static String text(@CheckForNull String value) {
            return value == null ? "" : value;
        }
    }
}
