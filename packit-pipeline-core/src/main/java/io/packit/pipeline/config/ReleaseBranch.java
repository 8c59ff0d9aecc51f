package io.packit.pipeline.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One dist-git branch an entry of {@code dist_git_branches} stands for, with the Koji build tag a side tag for it is
 * based on ({@code fedpkg request-side-tag --base-tag}).
 *
 * <p>The build tag is the one Fedora's Koji gives the branch's build target: {@code f<version>-build} for Fedora
 * (Rawhide's version being one more than the highest numbered Fedora of the release table, which the table's rules
 * guarantee: the highest Fedora Bodhi knows is Rawhide), {@code epel<version>-build} for EPEL ({@code epel9-build},
 * {@code epel10.1-build}); the form fbrnch's {@code createKojiSidetag} passes to {@code --base-tag} (juhp/fbrnch
 * {@code c719c5f5} {@code src/Koji.hs:323-346}, where it reads the tag from Koji's build target of the branch). A
 * branch the table does not know keeps a build tag only when its name has the Fedora or EPEL form.
 *
 * @param name     the dist-git branch: {@code f43}, {@code rawhide}, {@code epel10}
 * @param buildTag the Koji build tag, e.g. {@code f43-build}; empty when unknown
 */
public record ReleaseBranch(String name, String buildTag) {
    private static final Pattern NUMBERED = Pattern.compile("(f\\d+|epel\\d+(\\.\\d+)?)");

    public ReleaseBranch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(buildTag, "buildTag");
    }

    /** A branch written by name, not found in a release table: a build tag only for {@code f43}, {@code epel9}. */
    public static ReleaseBranch named(String name) {
        return new ReleaseBranch(name, NUMBERED.matcher(name).matches() ? name + "-build" : "");
    }

    /** Whether the build tag is known. */
    public boolean hasBuildTag() {
        return !buildTag.isEmpty();
    }
}
