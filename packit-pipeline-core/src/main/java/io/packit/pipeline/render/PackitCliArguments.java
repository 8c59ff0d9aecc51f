package io.packit.pipeline.render;

import io.packit.pipeline.config.DistGitBranch;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The argument vector of the {@code packit} command line for a node that runs it (koji, bodhi, dist-git...). */
final class PackitCliArguments {
    private PackitCliArguments() {
    }

    /**
     * {@code packit} arguments for {@code node} ({@code --package} names the package in a monorepo); fails for
     * nodes that do not run the command line.
     */
    static List<String> of(Node node, boolean monorepo) {
        var args = new ArrayList<String>();
        var kind = node.kind();
        var release = node.view().settings().release();
        switch (kind) {
            case PROPOSE_DOWNSTREAM -> args.add("propose-downstream");
            case PULL_FROM_UPSTREAM -> args.add("pull-from-upstream");
            case KOJI_BUILD -> args.addAll(List.of("build", "in-koji"));
            case UPSTREAM_KOJI_BUILD -> args.addAll(List.of("build", "in-koji", "--from-upstream"));
            case BODHI_UPDATE -> args.add("create-update");
            case VM_IMAGE_BUILD -> args.addAll(List.of("build", "in-image-builder"));
            default -> throw new IllegalArgumentException("node " + node.id() + " does not run the packit command line");
        }
        if (kind != NodeKind.VM_IMAGE_BUILD && !release.distGitBranches().isEmpty()) {
            args.add("--dist-git-branch");
            args.add(release.distGitBranches().stream().map(DistGitBranch::name).collect(Collectors.joining(",")));
        }
        if ((kind == NodeKind.KOJI_BUILD || kind == NodeKind.UPSTREAM_KOJI_BUILD) && release.scratch()) {
            args.add("--scratch");
        }
        if (monorepo) {
            args.add("--package");
            args.add(node.view().packageName());
        }
        return List.copyOf(args);
    }
}
