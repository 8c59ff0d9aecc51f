package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Copr project as the API returns it (reference §1.5). The enabled chroots are the keys of
 * {@link #chrootRepos()}.
 *
 * @param id the project id
 * @param name the project name
 * @param ownername the owner
 * @param fullName {@code owner/name}
 * @param description the description, may be null
 * @param instructions the instructions, may be null
 * @param unlistedOnHp whether it is hidden from the home page
 * @param enableNet the default of builds' network access
 * @param bootstrap the bootstrap mode
 * @param isolation the isolation mode
 * @param moduleHotfixes whether module hotfixes are on
 * @param packitForgeProjectsAllowed forge projects allowed to build here through Packit
 * @param additionalRepos extra repositories
 * @param chrootRepos enabled chroot → repository base URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoprProject(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "ownername", required = true) String ownername,
        @JsonProperty("full_name") String fullName,
        @CheckForNull @JsonProperty("description") String description,
        @CheckForNull @JsonProperty("instructions") String instructions,
        @JsonProperty("unlisted_on_hp") boolean unlistedOnHp,
        @JsonProperty("enable_net") boolean enableNet,
        @CheckForNull @JsonProperty("bootstrap") String bootstrap,
        @CheckForNull @JsonProperty("isolation") String isolation,
        @JsonProperty("module_hotfixes") boolean moduleHotfixes,
        @JsonProperty("packit_forge_projects_allowed") List<String> packitForgeProjectsAllowed,
        @JsonProperty("additional_repos") List<String> additionalRepos,
        @JsonProperty("chroot_repos") Map<String, String> chrootRepos) {

    /** Validates and copies. */
    public CoprProject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownername, "ownername");
        packitForgeProjectsAllowed = packitForgeProjectsAllowed == null ? List.of()
                : List.copyOf(packitForgeProjectsAllowed);
        additionalRepos = additionalRepos == null ? List.of() : List.copyOf(additionalRepos);
        chrootRepos = chrootRepos == null ? Map.of() : Map.copyOf(new TreeMap<>(chrootRepos));
    }

    /**
     * Returns the enabled chroots, sorted.
     *
     * @return the chroot names
     */
    public List<String> chroots() {
        return List.copyOf(new TreeMap<>(chrootRepos).keySet());
    }
}
