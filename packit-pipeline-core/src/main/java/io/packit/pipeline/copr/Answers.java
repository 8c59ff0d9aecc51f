package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The wrappers and small answers of Copr API v3 (reference §1.2, §1.4, §1.10), bound by Jackson. */
final class Answers {
    private Answers() {
    }

    /**
     * {@code GET /api_3/}: {@code {"version": 3}}.
     *
     * @param version the API version
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApiRoot(@JsonProperty(value = "version", required = true) int version) {
    }

    /**
     * {@code GET /api_3/auth-check}: the user the token belongs to, {@code {"id", "name"}}.
     *
     * @param id the user id
     * @param name the user name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(@JsonProperty(value = "id", required = true) long id,
            @JsonProperty(value = "name", required = true) String name) {
        User {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The list wrapper of every list endpoint and of {@code /build/create/url}: {@code {"items": [...], "meta"}}.
     *
     * @param items the items
     * @param <T> the item type
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Items<T>(@JsonProperty(value = "items", required = true) List<T> items) {
        Items {
            items = List.copyOf(Objects.requireNonNull(items, "items"));
        }
    }

    /**
     * {@code GET /api_3/monitor}: {@code {"output": "ok", "message": ..., "packages": [...]}}.
     *
     * @param packages the packages of the project (directory)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Monitor(@JsonProperty(value = "packages", required = true) List<MonitoredPackage> packages) {
        Monitor {
            packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
        }
    }
}
