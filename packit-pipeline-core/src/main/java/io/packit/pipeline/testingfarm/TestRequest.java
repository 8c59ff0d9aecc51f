package io.packit.pipeline.testingfarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Testing Farm request ready to submit: the body of {@code POST /v0.1/requests} for one test target.
 * Its {@link #toString()} and {@link #redactedJson()} replace secret values by {@code "hidden"}, as Testing Farm's
 * own API output does.
 */
public final class TestRequest {
    static final String HIDDEN = "hidden";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestTarget target;
    private final String compose;
    private final ObjectNode payload;

    TestRequest(TestTarget target, String compose, ObjectNode payload) {
        this.target = Objects.requireNonNull(target, "target");
        this.compose = Objects.requireNonNull(compose, "compose");
        this.payload = Objects.requireNonNull(payload, "payload").deepCopy();
    }

    /** The distro and arch tested. */
    public TestTarget target() {
        return target;
    }

    /** The Testing Farm compose ({@code Fedora-41}, {@code CentOS-Stream-9}). */
    public String compose() {
        return compose;
    }

    /** The architecture. */
    public String arch() {
        return target.arch();
    }

    /** A copy of the body, secrets included: only for sending. */
    public ObjectNode payload() {
        return payload.deepCopy();
    }

    /** The body as JSON, secrets included: only for sending. */
    public String json() {
        return write(payload);
    }

    /** The body as JSON with every secret value replaced by {@code "hidden"}. */
    public String redactedJson() {
        return write(redacted());
    }

    /** A copy of the body with every secret value replaced by {@code "hidden"}. */
    public ObjectNode redacted() {
        ObjectNode copy = payload.deepCopy();
        JsonNode environments = copy.path("environments");
        for (JsonNode environment : environments) {
            hideValues(environment.get("secrets"));
        }
        JsonNode webhook = copy.path("notification").path("webhook");
        if (webhook instanceof ObjectNode hook && hook.has("token")) {
            hook.put("token", HIDDEN);
        }
        return copy;
    }

    private static void hideValues(JsonNode secrets) {
        if (secrets instanceof ObjectNode object) {
            for (String name : object.properties().stream().map(java.util.Map.Entry::getKey).toList()) {
                object.put(name, HIDDEN);
            }
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Testing Farm request as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "TestRequest[" + target + " on " + compose + ": " + redactedJson() + "]";
    }
}
