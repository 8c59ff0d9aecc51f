package io.packit.pipeline.render;

import java.util.Objects;

/**
 * How a CI build reads {@code .packit.yaml} at the trusted revision of the branch it builds, decided the way
 * workflow-multibranch's {@code SCMBinder} decides it for a Jenkinsfile: a lightweight read of the one file when
 * the SCM offers it (an {@code SCMFileSystem}) and the heavyweight switch is off; otherwise, or when the
 * lightweight read fails, a checkout of that same trusted revision. Unlike {@code SCMBinder}, a branch whose
 * revision cannot be determined is not read at all: its config decides which credentials the build uses, and
 * the head of a branch (of a fork, for a pull request) is not a revision anyone trusted.
 */
public final class TrustedConfigRead {
    /** The name of workflow-multibranch's heavyweight switch, a system property that this read honours too. */
    public static final String HEAVYWEIGHT_SWITCH =
            "org.jenkinsci.plugins.workflow.multibranch.SCMBinder.USE_HEAVYWEIGHT_CHECKOUT";

    private TrustedConfigRead() {
    }

    /** The two ways to read the file. */
    public enum Way {
        /** Read the one file through the SCM's file system. */
        LIGHTWEIGHT,
        /** Check the trusted revision out into a workspace and read the file there. */
        CHECKOUT
    }

    /**
     * How to read it, and the line for the build log that says why ({@code ""} when nothing needs saying).
     *
     * @param way     how
     * @param logLine why, for people
     */
    public record Decision(Way way, String logLine) {
        public Decision {
            Objects.requireNonNull(way, "way");
            Objects.requireNonNull(logLine, "logLine");
        }
    }

    /**
     * The first way to try.
     *
     * @param path               the config's repository path
     * @param scm                the SCM source, for people (its type)
     * @param revision           the trusted revision
     * @param heavyweightForced  whether {@link #HEAVYWEIGHT_SWITCH} is set
     * @param fileSystemAvailable whether the SCM gave a file system for {@code revision}
     */
    public static Decision first(String path, String scm, String revision, boolean heavyweightForced,
            boolean fileSystemAvailable) {
        if (heavyweightForced) {
            return new Decision(Way.CHECKOUT, HEAVYWEIGHT_SWITCH + " is set: checking out " + revision
                    + " to read " + path);
        }
        if (!fileSystemAvailable) {
            return new Decision(Way.CHECKOUT, scm + " cannot read single files at " + revision
                    + " (no lightweight checkout): checking out " + revision + " to read " + path);
        }
        return new Decision(Way.LIGHTWEIGHT, "");
    }

    /**
     * The way after the lightweight read failed with {@code failure}: a checkout, as {@code SCMBinder} falls back.
     * A missing file is no failure of the read: the checkout would not find it either.
     */
    public static Decision afterLightweightFailure(String path, String revision, String failure) {
        return new Decision(Way.CHECKOUT, "could not read " + path + " at " + revision + " without a checkout ("
                + failure + "): checking it out");
    }

    /** Why a branch whose revision cannot be determined is not read. */
    public static String unknownRevision(String path, String branch) {
        return "cannot read " + path + ": the revision of " + branch + " cannot be determined (was it deleted?),"
                + " and " + path + " is read only from a known, trusted revision";
    }
}
