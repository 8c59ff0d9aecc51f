package io.packit.pipeline.graph;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.ReleaseBranch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The command line of each release node ({@link NodeKind#runsPackitCli}): the one definition the rendered
 * {@code packitCli} step, {@code run}, {@code run --dry-run} and the Jenkins plugin use.
 *
 * <p>A node of one package's release runs Packit's own command line ({@link PackitCliArguments}). The nodes of a
 * side-tag release ({@link Plan#isSideTagRelease}) run what Fedora packagers run for a multi-package update, each
 * checked in its source:
 * <ul>
 *   <li>{@code side_tag}: {@code fedpkg request-side-tag --base-tag <build tag>}, the base tag being the Koji build
 *       tag of the branch ({@link ReleaseBranch#buildTag()}), as fbrnch asks it (juhp/fbrnch {@code c719c5f5}
 *       {@code src/Koji.hs:323-346}). fedpkg prints {@code Side tag '<name>' (id <n>) created.} on its first line,
 *       the line fbrnch reads the name from (there, lines 332-340) and {@code engine.SideTagOutput} parses.</li>
 *   <li>{@code koji_build} of each package of the closure: {@code packit build in-koji --dist-git-branch <branch>
 *       --koji-target <side tag> --package <package> .} — Packit's command line builds into a side tag when given
 *       it as the Koji target (packit/packit {@code 69d783e8} {@code packit/cli/builds/koji_build.py:46-49}, one
 *       target and one branch per call, lines 134-160, as {@code fedpkg build --target}).</li>
 *   <li>{@code wait_repo}: {@code koji wait-repo --request <side tag>}, run after the build: without {@code --build}
 *       it waits for a repository at least as new as the last event, the build's tagging into the side tag included
 *       (koji-project/koji {@code 2083513a} {@code cli/koji_cli/commands.py:7368-7479}, {@code min_event = "last"}
 *       at line 7468); {@code --request} asks Koji to regenerate it (line 7377; it needs the agent's Kerberos
 *       ticket).</li>
 *   <li>{@code bodhi_update}: {@code bodhi updates new --type enhancement --notes <notes> --from-tag <side tag>},
 *       one update holding the side tag's builds (fedora-infra/bodhi {@code 2afdbd08}
 *       {@code bodhi-client/bodhi/client/cli.py:405-476}: {@code --from-tag} is a flag and the tag the positional
 *       argument, notes are required; {@code enhancement} is Packit's default update type).
 *       {@code packit create-update} cannot do it: its command line has no side-tag option
 *       ({@code packit/cli/create_update.py:24-69}), though {@code PackitAPI.create_update} has one.</li>
 * </ul>
 */
public final class CliCommands {
    /** Packit's update type when none is given ({@code packit.constants.DEFAULT_BODHI_UPDATE_TYPE}). */
    static final String UPDATE_TYPE = "enhancement";

    private CliCommands() {
    }

    /**
     * The command of {@code node} of {@code plan}.
     *
     * @throws IllegalArgumentException when the node does not run a command line
     */
    public static CliCommand of(Node node, Plan plan) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(plan, "plan");
        if (!Plan.isSideTagRelease(node.id())) {
            return CliCommand.of(CliCommand.PACKIT, PackitCliArguments.of(node, plan.config()));
        }
        var id = node.id();
        var sideTag = plan.sideTagOf(id).orElseThrow(() -> new IllegalArgumentException(
                "node " + id + " of a side-tag release has no side_tag node in the plan"));
        var tag = new CliCommand.SideTagName(sideTag);
        return switch (id.kind()) {
            case SIDE_TAG -> CliCommand.of(CliCommand.FEDPKG,
                    List.of("request-side-tag", "--base-tag", buildTagOf(node)));
            case KOJI_BUILD -> {
                var args = new ArrayList<CliCommand.Argument>();
                texts(args, "build", "in-koji", "--dist-git-branch", id.chroot(), "--koji-target");
                args.add(tag);
                texts(args, "--package", packageOf(id, node, plan.config()), ".");
                yield new CliCommand(CliCommand.PACKIT, args);
            }
            case WAIT_REPO -> new CliCommand(CliCommand.KOJI,
                    List.of(new CliCommand.Text("wait-repo"), new CliCommand.Text("--request"), tag));
            case BODHI_UPDATE -> {
                var args = new ArrayList<CliCommand.Argument>();
                texts(args, "updates", "new", "--type", UPDATE_TYPE, "--notes", notes(node, plan), "--from-tag");
                args.add(tag);
                yield new CliCommand(CliCommand.BODHI, args);
            }
            default -> throw new IllegalArgumentException("node " + id + " is no node of a side-tag release");
        };
    }

    private static void texts(List<CliCommand.Argument> args, String... texts) {
        for (var text : texts) {
            args.add(new CliCommand.Text(text));
        }
    }

    private static String buildTagOf(Node node) {
        var branch = node.id().chroot();
        return node.view().settings().release().branches().stream().filter(b -> b.name().equals(branch))
                .map(ReleaseBranch::buildTag).filter(tag -> !tag.isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Koji build tag is known for branch '" + branch
                        + "' of " + node.id()));
    }

    /** The package name (not the id part) of the package a node of a side-tag release works on. */
    private static String packageOf(NodeId id, Node node, PackitConfig config) {
        if (id.member().isEmpty()) {
            return node.view().packageName();
        }
        return config.packages().keySet().stream().filter(name -> IdParts.safe(name).equals(id.member())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no package '" + id.member() + "' for " + id));
    }

    /** The update's notes: what it holds, by downstream package name, dependencies first. */
    private static String notes(Node node, Plan plan) {
        var names = plan.releaseGroupOf(node.id()).stream()
                .map(name -> plan.config().findPackage(name)
                        .map(pkg -> pkg.settings().downstreamPackageName().isEmpty() ? name
                                : pkg.settings().downstreamPackageName())
                        .orElse(name))
                .collect(Collectors.joining(", "));
        return "Multi-package update of " + names + ", built together in one side tag.";
    }
}
