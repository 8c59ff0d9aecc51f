package io.packit.pipeline.engine;

import io.packit.pipeline.graph.CliCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a release node's command did its work, from its exit status and what it printed, and what it made that
 * later nodes need (the side tag's name, the update's id). An exit status of 0 is not enough: Packit's command line
 * and Bodhi's catch their own failures, print them and exit 0:
 * <ul>
 *   <li>{@code packit build in-koji} prints {@code Build for branch '<b>', target '<t>' failed.} (packit/packit
 *       {@code 69d783e8} {@code packit/cli/builds/koji_build.py:167-175});</li>
 *   <li>{@code packit create-update} prints {@code There was a problem while creating an update for <b>:}
 *       ({@code packit/cli/create_update.py:127-137});</li>
 *   <li>{@code bodhi updates new} prints the client's error and goes on ({@code bodhi-client/bodhi/client/cli.py:
 *       470-476} at fedora-infra/bodhi {@code 2afdbd08}); an update it made is printed with a line
 *       {@code "   Update ID: <alias>"} ({@code bindings.py:844,857}), which is what success is read from.</li>
 * </ul>
 * {@code fedpkg request-side-tag} succeeds when its output names the side tag ({@link SideTagOutput}).
 *
 * @param succeeded whether the node succeeded
 * @param reason    why it failed; empty when it succeeded
 * @param recorded  remote values to record on the node ({@link #SIDE_TAG}, {@link #BODHI_UPDATE})
 */
public record CliOutcome(boolean succeeded, String reason, Map<String, String> recorded) {
    /** The remote key of the side tag a {@code side_tag} node created. */
    public static final String SIDE_TAG = "side_tag";
    /** The remote key of the Bodhi update a {@code bodhi_update} node of a side-tag release made. */
    public static final String BODHI_UPDATE = "bodhi_update";

    private static final Pattern KOJI_FAILED = Pattern.compile("^Build for branch '.*', target '.*' failed\\.\\s*$");
    private static final Pattern UPDATE_FAILED = Pattern.compile("^There was a problem while creating an update for .*");
    private static final Pattern UPDATE_ID = Pattern.compile("^\\s*Update ID: (\\S+)\\s*$");

    public CliOutcome {
        Objects.requireNonNull(reason, "reason");
        recorded = Map.copyOf(recorded);
    }

    /**
     * The outcome of {@code argv} (executable name first, as {@link CliCommand#resolve} gives it with the
     * executable in front) that exited with {@code status} after printing {@code output}.
     *
     * @param where how to find the output, appended to a failure ({@code " (log: …)"}), may be empty
     */
    public static CliOutcome of(String executable, List<String> argv, int status, String output, String where) {
        Objects.requireNonNull(argv, "argv");
        Objects.requireNonNull(output, "output");
        var lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (status != 0) {
            var last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
            return failed(executable + " exited with status " + status + last + where);
        }
        if (CliCommand.FEDPKG.equals(executable) && argv.contains("request-side-tag")) {
            try {
                return new CliOutcome(true, "", Map.of(SIDE_TAG, SideTagOutput.sideTag(output)));
            } catch (IllegalArgumentException e) {
                return failed(e.getMessage() + where);
            }
        }
        if (CliCommand.PACKIT.equals(executable)) {
            var reported = lines.stream().filter(line -> KOJI_FAILED.matcher(line).matches()
                    || UPDATE_FAILED.matcher(line).matches()).findFirst();
            if (reported.isPresent()) {
                return failed("packit exited with status 0 but reported: " + reported.get() + where);
            }
        }
        if (CliCommand.BODHI.equals(executable) && argv.contains("new")) {
            var ids = new LinkedHashMap<String, String>();
            lines.stream().map(UPDATE_ID::matcher).filter(Matcher::matches)
                    .forEach(matcher -> ids.putIfAbsent(BODHI_UPDATE, matcher.group(1)));
            if (ids.isEmpty()) {
                var last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1);
                return failed("bodhi exited with status 0 but printed no update (no 'Update ID:' line)" + last + where);
            }
            return new CliOutcome(true, "", ids);
        }
        return new CliOutcome(true, "", Map.of());
    }

    private static CliOutcome failed(String reason) {
        return new CliOutcome(false, reason, Map.of());
    }
}
