package io.packit.pipeline.graph;

import java.util.Locale;

/**
 * Whether a build node ({@code srpm}, {@code copr_build}) may take a successful Copr build that exists already
 * instead of submitting one, and which builds count (DESIGN §4; Packit finds a build by owner, project, commit and
 * chroot). The lookup is the run's, chroot by chroot: a chroot nothing can be taken for is built.
 */
public enum Reuse {
    /** Always built: {@code --no-reuse}, and every node that is no build. */
    NONE("nothing: always built"),
    /**
     * A successful build of the same package and build job for the same commit in the same Copr project (a rerun, a
     * tests-only retrigger).
     */
    THIS_COMMIT("a successful build of this commit"),
    /**
     * The package is unchanged and a package that runs depends on it: the newest successful build of the same package
     * and build job, of this commit, else of any commit in the same Copr project (an earlier commit of the pull
     * request), else in the target branch's project ({@code <repo>-<branch>}, made by commit builds).
     */
    NEWEST("the newest successful build of this unchanged package");

    private final String description;

    Reuse(String description) {
        this.description = description;
    }

    /** Lower-case name for JSON: {@code none}, {@code this_commit}, {@code newest}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What may be reused, for people. */
    public String description() {
        return description;
    }

    /**
     * What may be reused for {@code event}, for people: {@code may reuse the newest successful build of this unchanged
     * package (this Copr project, then the target branch main's), chroot by chroot}; empty for {@link #NONE}.
     */
    public String describe(Event event) {
        if (this == NONE) {
            return "";
        }
        var where = "this Copr project";
        if (this == NEWEST && event instanceof Event.PullRequest pullRequest) {
            where += ", then the target branch " + pullRequest.targetBranch() + "'s";
        }
        return "may reuse " + description + " (" + where + "), chroot by chroot";
    }
}
