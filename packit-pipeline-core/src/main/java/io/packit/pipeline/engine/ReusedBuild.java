package io.packit.pipeline.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * A successful Copr build that a build node took for one chroot instead of submitting one (DESIGN §4; Packit finds
 * a build by owner, project, commit and chroot).
 *
 * @param buildId the Copr build
 * @param owner   its project's owner ({@code @group} for groups)
 * @param project its project
 * @param commit  the commit it was built from ({@code --ref} of its {@code packit prepare-sources} script)
 * @param origin  where it came from
 */
public record ReusedBuild(long buildId, String owner, String project, String commit, Origin origin) {
    public ReusedBuild {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(origin, "origin");
    }

    /** Where a reused build came from. */
    public enum Origin {
        /** The same commit in the same project: a rerun, a tests-only retrigger. */
        THIS_COMMIT,
        /** An earlier commit in the same project (an earlier push to the pull request), for an unchanged package. */
        EARLIER_COMMIT,
        /** The target branch's project ({@code <repo>-<branch>}, made by commit builds), for an unchanged package. */
        TARGET_BRANCH;

        /** Lower-case name for the state file. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The origin spelled {@code key}. */
        public static Origin fromKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** Its project, to name in {@code additional_repos} and Testing Farm artifacts. */
    public CoprTarget target() {
        return new CoprTarget(owner, project);
    }

    /**
     * For people: {@code Copr build 8123459 of this commit in jdoe/mono-7}, {@code Copr build 8123401 of commit
     * 1a2b3c4d in jdoe/mono-7}, {@code Copr build 8123300 of commit 0f0e0d0c in jdoe/mono-main (the target branch)}.
     */
    public String describe() {
        var of = origin == Origin.THIS_COMMIT ? "this commit" : "commit " + commit;
        return "Copr build " + buildId + " of " + of + " in " + owner + "/" + project
                + (origin == Origin.TARGET_BRANCH ? " (the target branch)" : "");
    }
}
