package io.packit.pipeline.http;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in one line why Jackson could not bind an answer to a record, naming the field by its JSON path:
 * {@code missing field 'state'}, {@code null field 'result.overall'}, {@code field 'id': Cannot deserialize ...}.
 * Records name a required component in their {@code @JsonProperty(required = true)} and a non-null one in their
 * compact constructor's {@code requireNonNull(value, "json_name")}.
 */
final class BindingProblem {
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private BindingProblem() {
    }

    static String describe(Exception e) {
        if (!(e instanceof DatabindException binding)) {
            return firstLine(e.getMessage());
        }
        String path = path(binding);
        String message = binding.getOriginalMessage();
        Matcher missing = MISSING.matcher(message == null ? "" : message);
        if (missing.find()) {
            return "missing field '" + join(path, missing.group(1)) + "'";
        }
        if (binding instanceof ValueInstantiationException && binding.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null) {
            return "null field '" + join(path, npe.getMessage()) + "'";
        }
        return (path.isEmpty() ? "" : "field '" + path + "': ") + firstLine(message);
    }

    private static String path(DatabindException binding) {
        if (!(binding instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The field's path; Jackson's path ends with the missing field itself, but not with a null one. */
    private static String join(String path, String field) {
        if (path.equals(field) || path.endsWith("." + field)) {
            return path;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
