package io.packit.pipeline.testingfarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Packit's {@code tf_extra_params} merge: only the {@code environments}, {@code test} and {@code settings}
 * subtrees are taken (never {@code notification} or {@code api_key}); objects merge key by key, lists merge
 * element by element (extra elements of a longer list are ignored), scalars replace, values of a different
 * shape are ignored, and {@code artifacts} lists are appended to ours instead of merged.
 */
final class ExtraParamsMerge {
    static final List<String> MERGED_SUBTREES = List.of("environments", "test", "settings");
    private static final String ARTIFACTS = "artifacts";

    private ExtraParamsMerge() {
    }

    /** Merges {@code extraParams} into {@code payload} in place. */
    static void mergeInto(ObjectNode payload, JsonNode extraParams) {
        for (String subtree : MERGED_SUBTREES) {
            JsonNode extra = extraParams.get(subtree);
            if (extra == null) {
                continue;
            }
            if (!payload.has(subtree)) {
                payload.set(subtree, extra.deepCopy());
            } else {
                merge(payload.get(subtree), extra);
            }
        }
    }

    private static void merge(JsonNode target, JsonNode extra) {
        if (target instanceof ObjectNode object && extra instanceof ObjectNode extraObject) {
            for (Map.Entry<String, JsonNode> entry : extraObject.properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (!object.has(key) || !value.isContainerNode()) {
                    object.set(key, value.deepCopy());
                } else if (key.equals(ARTIFACTS)) {
                    appendArtifacts(object, value);
                } else {
                    merge(object.get(key), value);
                }
            }
        } else if (target instanceof ArrayNode array && extra instanceof ArrayNode extraArray) {
            for (int i = 0; i < Math.min(array.size(), extraArray.size()); i++) {
                merge(array.get(i), extraArray.get(i));
            }
        }
    }

    private static void appendArtifacts(ObjectNode environment, JsonNode extraArtifacts) {
        if (extraArtifacts instanceof ArrayNode extra && environment.get(ARTIFACTS) instanceof ArrayNode ours) {
            extra.forEach(artifact -> ours.add(artifact.deepCopy()));
        }
    }
}
