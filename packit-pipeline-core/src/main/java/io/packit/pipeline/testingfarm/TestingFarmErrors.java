package io.packit.pipeline.testingfarm;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;
import io.packit.pipeline.http.ServiceErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Testing Farm's three error shapes: {@code {"message": …}}, {@code {"errors": {tree}}} (schema validation, shown
 * as {@code environments.0.arch: …}) and FastAPI's {@code {"detail": "…" | [{"loc", "msg"}]}}.
 */
final class TestingFarmErrors implements ServiceErrors {
    @Override
    public String errorText(JsonNode body) {
        if (body.hasNonNull("message")) {
            return body.get("message").asText();
        }
        if (body.has("errors")) {
            var lines = new ArrayList<String>();
            flatten("", body.get("errors"), lines);
            return String.join("; ", lines);
        }
        JsonNode detail = body.get("detail");
        if (detail != null && detail.isTextual()) {
            return detail.asText();
        }
        if (detail != null && detail.isArray()) {
            var lines = new ArrayList<String>();
            for (JsonNode item : detail) {
                var location = new ArrayList<String>();
                item.path("loc").forEach(part -> location.add(part.asText()));
                lines.add(String.join(".", location) + ": " + item.path("msg").asText());
            }
            return String.join("; ", lines);
        }
        return "";
    }

    private static void flatten(String path, JsonNode node, List<String> lines) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                flatten(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(), lines);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "." + i, node.get(i), lines);
            }
        } else {
            lines.add(path + ": " + node.asText());
        }
    }

    @Override
    public ApiException exception(ApiFailure failure, @CheckForNull Throwable cause) {
        return new TestingFarmApiException(failure, cause);
    }
}
