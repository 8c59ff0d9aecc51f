package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where a Copr build gets its sources (reference §1.6): an uploaded SRPM, an SRPM URL, SCM, or a custom script. */
public sealed interface BuildSource
        permits BuildSource.SrpmUpload, BuildSource.SrpmUrl, BuildSource.Scm, BuildSource.CustomScript {

    /**
     * Returns the last path segment of {@code /build/create/...}.
     *
     * @return e.g. {@code scm}
     */
    String method();

    /**
     * Returns the method-specific JSON fields.
     *
     * @return the fields, in order
     */
    Map<String, Object> fields();

    /**
     * A local SRPM (or spec) sent as multipart {@code /build/create/upload}.
     *
     * @param file the file; its name must end {@code .src.rpm}, {@code .nosrc.rpm} or {@code .spec}
     */
    record SrpmUpload(Path file) implements BuildSource {
        /** Validates. */
        public SrpmUpload {
            Objects.requireNonNull(file, "file");
            String name = String.valueOf(file.getFileName());
            if (!name.endsWith(".src.rpm") && !name.endsWith(".nosrc.rpm") && !name.endsWith(".spec")) {
                throw new IllegalArgumentException("Copr uploads need a .src.rpm, .nosrc.rpm or .spec file, got '"
                        + name + "'");
            }
        }

        @Override
        public String method() {
            return "upload";
        }

        @Override
        public Map<String, Object> fields() {
            return Map.of();
        }
    }

    /**
     * An SRPM (or spec) URL, {@code /build/create/url}.
     *
     * @param url an http(s) URL whose path ends {@code .src.rpm}, {@code .nosrc.rpm} or {@code .spec}
     */
    record SrpmUrl(String url) implements BuildSource {
        /** Validates. */
        public SrpmUrl {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("an SRPM URL must be http(s), got '" + url + "'");
            }
        }

        @Override
        public String method() {
            return "url";
        }

        @Override
        public Map<String, Object> fields() {
            return Map.of("pkgs", List.of(url));
        }
    }

    /**
     * A Git or SVN repository, {@code /build/create/scm}.
     *
     * @param cloneUrl the repository URL
     * @param committish branch, tag or hash; empty for the default branch
     * @param subdirectory the package's directory; empty for the top
     * @param spec the spec file relative to the subdirectory; empty to find it
     * @param scmType {@code git} or {@code svn}
     * @param sourceBuildMethod {@code rpkg}, {@code tito}, {@code tito_test} or {@code make_srpm}
     */
    record Scm(String cloneUrl, String committish, String subdirectory, String spec, String scmType,
            String sourceBuildMethod) implements BuildSource {
        /** Validates. */
        public Scm {
            Objects.requireNonNull(cloneUrl, "cloneUrl");
            Objects.requireNonNull(committish, "committish");
            Objects.requireNonNull(subdirectory, "subdirectory");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(scmType, "scmType");
            Objects.requireNonNull(sourceBuildMethod, "sourceBuildMethod");
        }

        /**
         * A Git repository at a ref, built with rpkg.
         *
         * @param cloneUrl the repository
         * @param committish the ref
         * @return the source
         */
        public static Scm git(String cloneUrl, String committish) {
            return new Scm(cloneUrl, committish, "", "", "git", "rpkg");
        }

        @Override
        public String method() {
            return "scm";
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("clone_url", cloneUrl);
            fields.put("committish", committish);
            fields.put("subdirectory", subdirectory);
            fields.put("spec", spec);
            fields.put("scm_type", scmType);
            fields.put("source_build_method", sourceBuildMethod);
            return fields;
        }
    }

    /**
     * A script that Copr runs to make the SRPM, {@code /build/create/custom}; Packit uses it to run
     * {@code packit prepare-sources} inside Copr.
     *
     * @param script the script text
     * @param chroot the chroot the script runs in, null for Copr's default
     * @param builddeps packages installed for the script
     * @param resultdir where the script leaves the sources, relative to its working directory, null for default
     * @param repos extra repositories for the builddeps
     */
    record CustomScript(String script, @CheckForNull String chroot, List<String> builddeps,
            @CheckForNull String resultdir, List<String> repos) implements BuildSource {
        /** The repository Packit takes {@code packit} itself from. */
        public static final String PACKIT_STABLE_REPO = "copr://packit/packit-stable";

        /** The directory the generated script asks {@code packit prepare-sources} to fill. */
        public static final String PACKIT_RESULT_DIR = "packit-srpm";

        /** Validates and copies. */
        public CustomScript {
            Objects.requireNonNull(script, "script");
            builddeps = List.copyOf(builddeps);
            repos = List.copyOf(repos);
        }

        /**
         * The script Packit submits: {@code packit -d prepare-sources} of a forge repository at a ref, with
         * {@code packit} and the package's {@code srpm_build_deps} installed from {@code copr://packit/packit-stable}.
         * Every value is shell-quoted, so nothing from a {@code .packit.yaml} or an event becomes shell code.
         *
         * @param repoUrl the forge repository (clone URL)
         * @param ref the commit to build
         * @param packageName the monorepo package ({@code -p}), null for a single package
         * @param prId the pull request number, null for commits and releases
         * @param targetBranch the pull request's target branch, null when not a pull request
         * @param mergePr whether to merge the pull request into its target branch first
         * @param jobConfigIndex the index of the job in {@code jobs}
         * @param srpmBuildDeps the package's {@code srpm_build_deps}
         * @param scriptChroot the chroot to run in, e.g. {@code fedora-41-x86_64}
         * @return the source
         */
        public static CustomScript packitPrepareSources(String repoUrl, String ref, @CheckForNull String packageName,
                @CheckForNull Integer prId, @CheckForNull String targetBranch, boolean mergePr, int jobConfigIndex,
                List<String> srpmBuildDeps, @CheckForNull String scriptChroot) {
            Objects.requireNonNull(repoUrl, "repoUrl");
            Objects.requireNonNull(ref, "ref");
            List<String> command = new ArrayList<>(List.of("packit", "-d", "prepare-sources"));
            if (packageName != null) {
                command.addAll(List.of("-p", packageName));
            }
            command.addAll(List.of("--result-dir", PACKIT_RESULT_DIR, "--ref", ref));
            if (prId != null) {
                command.addAll(List.of("--pr-id", Integer.toString(prId), mergePr ? "--merge-pr" : "--no-merge-pr"));
                if (targetBranch != null) {
                    command.addAll(List.of("--target-branch", targetBranch));
                }
            }
            command.addAll(List.of("--job-config-index", Integer.toString(jobConfigIndex), "--no-create-symlinks",
                    repoUrl));
            StringBuilder script = new StringBuilder("#!/bin/sh\nset -eu\n");
            for (int i = 0; i < command.size(); i++) {
                script.append(i == 0 ? "" : " ").append(shellQuote(command.get(i)));
            }
            script.append('\n');
            List<String> deps = new ArrayList<>(List.of("packit"));
            deps.addAll(srpmBuildDeps);
            return new CustomScript(script.toString(), scriptChroot, deps, PACKIT_RESULT_DIR,
                    List.of(PACKIT_STABLE_REPO));
        }

        static String shellQuote(String value) {
            if (value.matches("[A-Za-z0-9_./:@=+-]+")) {
                return value;
            }
            return "'" + value.replace("'", "'\"'\"'") + "'";
        }

        @Override
        public String method() {
            return "custom";
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("script", script);
            if (chroot != null) {
                fields.put("chroot", chroot);
            }
            if (!builddeps.isEmpty()) {
                fields.put("builddeps", builddeps);
            }
            if (resultdir != null) {
                fields.put("resultdir", resultdir);
            }
            if (!repos.isEmpty()) {
                fields.put("repos", repos);
            }
            return fields;
        }
    }
}
