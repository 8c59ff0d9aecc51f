package io.packit.pipeline.graph;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, readable, unique node id: {@code kind:package:job}, with {@code /member} for a node of a release that
 * works on another package of the released package's closure, and {@code @chroot} for per-chroot nodes (tests) or
 * {@code @branch} for the per-branch nodes of a side-tag release; e.g. {@code copr_build:A:build1},
 * {@code tests:A:tests1@fedora-41-x86_64}, {@code side_tag:A:koji@f43}, {@code koji_build:A:koji/B@f43} (package B's
 * Koji build in A's side tag for branch f43).
 *
 * <p>Every part is restricted to {@link #SAFE_PART}, so ids can be written into a Jenkinsfile as plain
 * literals and into file names; the planner refuses names outside it with a positioned problem.
 *
 * @param kind        node kind
 * @param packageName package name (for a release: the top-level package released)
 * @param job         job label within the package (identifier, or a generated label)
 * @param member      the package of the release's closure the node works on, when it is not {@code packageName};
 *                    empty otherwise
 * @param chroot      chroot for per-chroot nodes, dist-git branch for the per-branch nodes of a side-tag release,
 *                    empty otherwise
 */
public record NodeId(NodeKind kind, String packageName, String job, String member, String chroot)
        implements Comparable<NodeId> {
    /** Characters allowed in each part of an id. */
    public static final Pattern SAFE_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    private static final Comparator<NodeId> ORDER = Comparator.comparing(NodeId::toString);

    public NodeId {
        Objects.requireNonNull(kind, "kind");
        requireSafe(packageName, "packageName");
        requireSafe(job, "job");
        Objects.requireNonNull(member, "member");
        if (!member.isEmpty()) {
            requireSafe(member, "member");
        }
        Objects.requireNonNull(chroot, "chroot");
        if (!chroot.isEmpty()) {
            requireSafe(chroot, "chroot");
        }
    }

    /** A node of its own package, per chroot when {@code chroot} is set. */
    public NodeId(NodeKind kind, String packageName, String job, String chroot) {
        this(kind, packageName, job, "", chroot);
    }

    /** A node without a chroot. */
    public static NodeId of(NodeKind kind, String packageName, String job) {
        return new NodeId(kind, packageName, job, "", "");
    }

    /** Parses {@code kind:package:job[/member][@chroot]}. */
    public static NodeId parse(String text) {
        Objects.requireNonNull(text, "text");
        var at = text.indexOf('@');
        var head = at < 0 ? text : text.substring(0, at);
        var chroot = at < 0 ? "" : text.substring(at + 1);
        var parts = head.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a node id (kind:package:job[/member][@chroot]): '" + text + "'");
        }
        var kind = NodeKind.fromKey(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("unknown node kind '" + parts[0] + "' in '" + text + "'"));
        var slash = parts[2].indexOf('/');
        var job = slash < 0 ? parts[2] : parts[2].substring(0, slash);
        var member = slash < 0 ? "" : parts[2].substring(slash + 1);
        if (slash >= 0 && member.isEmpty()) {
            throw new IllegalArgumentException("empty member after '/' in '" + text + "'");
        }
        return new NodeId(kind, parts[1], job, member, chroot);
    }

    /** Whether {@code text} is usable as one part of an id. */
    public static boolean isSafePart(String text) {
        return SAFE_PART.matcher(text).matches();
    }

    /** This id without its chroot (the node a chroot-level need refers to). */
    public NodeId withoutChroot() {
        return chroot.isEmpty() ? this : new NodeId(kind, packageName, job, member, "");
    }

    /** This id with {@code chroot}. */
    public NodeId atChroot(String chrootName) {
        return new NodeId(kind, packageName, job, member, chrootName);
    }

    /** This id for {@code memberName} of the release's closure ({@code packageName} itself: no member). */
    public NodeId forMember(String memberName) {
        return new NodeId(kind, packageName, job, memberName.equals(packageName) ? "" : memberName, chroot);
    }

    /** The package the node works on: the member, else the node's package. */
    public String workPackage() {
        return member.isEmpty() ? packageName : member;
    }

    @Override
    public String toString() {
        var base = kind.key() + ":" + packageName + ":" + job + (member.isEmpty() ? "" : "/" + member);
        return chroot.isEmpty() ? base : base + "@" + chroot;
    }

    @Override
    public int compareTo(NodeId other) {
        return ORDER.compare(this, other);
    }

    private static void requireSafe(String part, String name) {
        Objects.requireNonNull(part, name);
        if (!isSafePart(part)) {
            throw new IllegalArgumentException(name + " '" + part + "' is not a safe id part (" + SAFE_PART + ")");
        }
    }
}
