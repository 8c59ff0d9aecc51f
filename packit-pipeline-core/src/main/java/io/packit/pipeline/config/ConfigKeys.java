package io.packit.pipeline.config;

import static io.packit.pipeline.config.ValueKind.ACTIONS;
import static io.packit.pipeline.config.ValueKind.ANY_MAPPING;
import static io.packit.pipeline.config.ValueKind.BOOLEAN;
import static io.packit.pipeline.config.ValueKind.BOOTSTRAP;
import static io.packit.pipeline.config.ValueKind.DEPENDS;
import static io.packit.pipeline.config.ValueKind.DIST_GIT_BRANCHES;
import static io.packit.pipeline.config.ValueKind.ENV;
import static io.packit.pipeline.config.ValueKind.FILES_TO_SYNC;
import static io.packit.pipeline.config.ValueKind.IGNORED;
import static io.packit.pipeline.config.ValueKind.INTEGER;
import static io.packit.pipeline.config.ValueKind.INTEGER_OR_STRING;
import static io.packit.pipeline.config.ValueKind.JOB_PACKAGES;
import static io.packit.pipeline.config.ValueKind.JOB_TYPE;
import static io.packit.pipeline.config.ValueKind.METADATA;
import static io.packit.pipeline.config.ValueKind.NON_NEGATIVE_INTEGER;
import static io.packit.pipeline.config.ValueKind.NOTIFICATIONS;
import static io.packit.pipeline.config.ValueKind.OSH_OPTIONS;
import static io.packit.pipeline.config.ValueKind.PACKIT_INSTANCES;
import static io.packit.pipeline.config.ValueKind.REQUIRE;
import static io.packit.pipeline.config.ValueKind.SOURCES;
import static io.packit.pipeline.config.ValueKind.STRING;
import static io.packit.pipeline.config.ValueKind.STRING_LIST;
import static io.packit.pipeline.config.ValueKind.TARGETS;
import static io.packit.pipeline.config.ValueKind.TEST_COMMAND;
import static io.packit.pipeline.config.ValueKind.TRIGGER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every key Packit accepts (packit-config.md §1.4, §1.5, §1.9), where, with which value shape; and removed keys. */
final class ConfigKeys {
    /** Keys valid at top level, in {@code packages.<name>}, in jobs and in {@code jobs[i].packages.<name>}. */
    static final Map<String, ValueKind> COMMON = ordered(
            "specfile_path", STRING, "upstream_package_name", STRING, "downstream_package_name", STRING,
            "upstream_project_url", STRING, "paths", STRING_LIST, "config_file_path", STRING,
            "dist_git_base_url", STRING, "dist_git_namespace", STRING, "pkg_tool", STRING, "sig", STRING,
            "upstream_ref", STRING, "identifier", STRING,
            "actions", ACTIONS, "srpm_build_deps", STRING_LIST, "merge_pr_in_ci", BOOLEAN, "update_release", BOOLEAN,
            "release_suffix", STRING, "version_suffix", STRING, "preserve_spec", BOOLEAN,
            "archive_root_dir_template", STRING, "upstream_tag_template", STRING, "upstream_tag_include", STRING,
            "upstream_tag_exclude", STRING, "prerelease_suffix_pattern", STRING, "prerelease_suffix_macro", STRING,
            "spec_source_id", INTEGER_OR_STRING, "sources", SOURCES, "parse_time_macros", ANY_MAPPING,
            "patch_generation_ignore_paths", STRING_LIST, "patch_generation_patch_id_digits", NON_NEGATIVE_INTEGER,
            "targets", TARGETS, "owner", STRING, "project", STRING, "timeout", INTEGER, "preserve_project", BOOLEAN,
            "list_on_homepage", BOOLEAN, "additional_repos", STRING_LIST, "additional_packages", STRING_LIST,
            "bootstrap", BOOTSTRAP, "module_hotfixes", BOOLEAN, "enable_net", BOOLEAN, "branch", STRING,
            "osh_diff_scan_after_copr_build", BOOLEAN, "csmock_args", STRING, "osh_options", OSH_OPTIONS,
            "fmf_url", STRING, "fmf_ref", STRING, "fmf_path", STRING, "tmt_plan", STRING,
            "tf_post_install_script", STRING, "tf_extra_params", ANY_MAPPING, "env", ENV, "use_internal_tf", BOOLEAN,
            "use_target_repo_for_fmf_url", BOOLEAN, "skip_missing_branched_composes", BOOLEAN,
            "test_command", TEST_COMMAND, "sync_test_job_statuses_with_builds", BOOLEAN,
            "dist_git_branches", DIST_GIT_BRANCHES, "files_to_sync", FILES_TO_SYNC, "create_pr", BOOLEAN,
            "sync_changelog", BOOLEAN, "create_sync_note", BOOLEAN, "copy_upstream_release_description", BOOLEAN,
            "allowed_gpg_keys", STRING_LIST, "upload_sources", BOOLEAN, "version_update_mask", STRING,
            "version_update_specifiers", STRING, "scratch", BOOLEAN, "allowed_pr_authors", STRING_LIST,
            "allowed_committers", STRING_LIST, "allowed_builders", STRING_LIST, "bodhi_extra_params", ANY_MAPPING,
            "issue_repository", STRING, "image_distribution", STRING, "image_request", ANY_MAPPING,
            "image_customizations", ANY_MAPPING, "copr_chroot", STRING, "packit_instances", PACKIT_INSTANCES,
            "notifications", NOTIFICATIONS, "require", REQUIRE, "status_name_template", STRING,
            "clone_repos_before_run_condition", BOOLEAN, "dist_git_url", IGNORED);

    /**
     * Common keys (booleans aside, which are all so) whose field in Packit's schema has no {@code load_default=None},
     * so that marshmallow refuses null for them ("Field may not be null."; packit/packit@69d783e8 packit/schema.py
     * CommonConfigSchema, :440-562).
     */
    static final Set<String> NOT_NULL = Set.of("paths", "upstream_tag_template", "archive_root_dir_template",
            "spec_source_id", "files_to_sync", "actions", "patch_generation_patch_id_digits", "notifications",
            "packit_instances", "upstream_tag_include", "upstream_tag_exclude", "prerelease_suffix_pattern",
            "test_command", "require", "timeout", "osh_options");

    /** Keys valid only in {@code jobs[i]} ({@code build_identifier} is our extension). */
    static final Map<String, ValueKind> JOB_ONLY = ordered(
            "job", JOB_TYPE, "trigger", TRIGGER, "skip_build", BOOLEAN, "manual_trigger", BOOLEAN,
            "labels", STRING_LIST, "packages", JOB_PACKAGES, "sidetag_group", STRING, "dependents", STRING_LIST,
            "dependencies", STRING_LIST, "metadata", METADATA, "build_identifier", STRING);

    /** Job-only keys of our own: an error on a job whose type does not own them ({@link JobTypes}). */
    static final Set<String> JOB_ONLY_EXTENSIONS = Set.of("build_identifier");

    /** Keys valid only in {@code packages.<name>} (our extension). */
    static final Map<String, ValueKind> PACKAGE_ONLY = ordered("depends", DEPENDS);
    /** The keys of the long form of a {@code depends} entry, {@code {name: B, rebuild: false}}. */
    static final List<String> DEPENDENCY_KEYS = List.of("name", "rebuild");

    /** Keys valid only at the top level ({@code _} is the anchor parking key, dropped). */
    static final Set<String> TOP_ONLY = Set.of("jobs", "packages", "_");

    /** The keys the legacy {@code jobs[i].metadata} accepts. */
    static final Set<String> METADATA_KEYS = Set.of(
            "targets", "timeout", "owner", "project", "dist_git_branches", "branch", "scratch", "list_on_homepage",
            "preserve_project", "use_internal_tf", "additional_packages", "additional_repos", "bootstrap", "fmf_url",
            "fmf_ref", "fmf_path", "skip_build", "env", "enable_net", "tmt_plan", "tf_post_install_script",
            "tf_extra_params", "module_hotfixes");

    /** Old spellings of {@code dist_git_branches} inside {@code metadata}, renamed with a warning. */
    static final Set<String> METADATA_RENAMED_BRANCHES = Set.of("dist-git-branch", "dist_git_branch");

    /** Keys Packit removed → what to use instead. */
    static final Map<String, String> REMOVED = Map.of(
            "synced_files", "'files_to_sync'",
            "upstream_project_name", "'upstream_package_name'",
            "create_tarball_command", "the 'create-archive' action",
            "current_version_command", "the 'get-current-version' action");

    /** Job types Packit removed → their replacement. */
    static final Map<String, String> REMOVED_JOB_TYPES = Map.of(
            "build", "copr_build",
            "production_build", "upstream_koji_build");

    /** Allowed {@code actions} keys. */
    static final List<String> ACTION_NAMES = List.of(
            "run-condition", "post-upstream-clone", "pre-sync", "create-patches", "prepare-files", "create-archive",
            "get-current-version", "fix-spec-file", "post-modifications", "changelog-entry", "commit-message");

    /** Allowed inner keys of a {@code targets} mapping entry. */
    static final List<String> TARGET_OPTION_KEYS = List.of(
            "distros", "additional_packages", "additional_repos", "additional_modules", "with_opts", "without_opts");

    static final List<String> BOOTSTRAP_VALUES = List.of("default", "on", "off", "image");
    static final List<String> INSTANCES = List.of("dev", "stg", "prod");

    private ConfigKeys() {
    }

    private static Map<String, ValueKind> ordered(Object... pairs) {
        var map = new LinkedHashMap<String, ValueKind>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (ValueKind) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
