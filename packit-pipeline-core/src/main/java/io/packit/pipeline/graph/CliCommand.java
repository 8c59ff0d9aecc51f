package io.packit.pipeline.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The command line a release node runs on the agent: an executable looked up on {@code PATH} ({@code packit},
 * {@code fedpkg}, {@code koji}, {@code bodhi}) and its exact argument vector, run without a shell. An argument may
 * stand for a value only known at run time: the name of the side tag a {@code side_tag} node created
 * ({@link SideTagName}), written {@code {side_tag:A:koji@f43}} in the Jenkinsfile and the dry run, and replaced by
 * the run from the side tag that node recorded (never by matching text: the argument is a reference, whatever a
 * value from packit.yaml looks like).
 *
 * @param executable the program, {@code packit}, {@code fedpkg}, {@code koji} or {@code bodhi}
 * @param arguments  its arguments, in order
 */
public record CliCommand(String executable, List<Argument> arguments) {
    /** The executable of Packit's own command line. */
    public static final String PACKIT = "packit";
    /** Fedora's packager tool, for side tags. */
    public static final String FEDPKG = "fedpkg";
    /** Koji's command line, for waiting on a side tag's repository. */
    public static final String KOJI = "koji";
    /** Bodhi's command line, for updates from side tags. */
    public static final String BODHI = "bodhi";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9@%_+=:,./{}-]+");

    public CliCommand {
        Objects.requireNonNull(executable, "executable");
        arguments = List.copyOf(arguments);
    }

    /** A command of plain arguments. */
    public static CliCommand of(String executable, List<String> texts) {
        return new CliCommand(executable, texts.stream().<Argument>map(Text::new).toList());
    }

    /** One argument. */
    public sealed interface Argument permits Text, SideTagName {
    }

    /** An argument as it is. */
    public record Text(String value) implements Argument {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The name of the side tag that node {@code sideTag} created, known once it has run. */
    public record SideTagName(NodeId sideTag) implements Argument {
        public SideTagName {
            Objects.requireNonNull(sideTag, "sideTag");
        }

        /** How the Jenkinsfile and the dry run write it: {@code {side_tag:A:koji@f43}}. */
        public String written() {
            return "{" + sideTag + "}";
        }
    }

    /** The arguments as the Jenkinsfile and the dry run write them (a side tag as {@code {<node id>}}). */
    public List<String> written() {
        return arguments.stream().map(CliCommand::writtenOf).toList();
    }

    /** The side tag nodes whose names the command needs. */
    public List<NodeId> sideTags() {
        return arguments.stream().filter(SideTagName.class::isInstance).map(a -> ((SideTagName) a).sideTag()).distinct()
                .toList();
    }

    /**
     * The argument vector to run, each side tag replaced by the name {@code sideTagNames} gives for its node.
     *
     * @throws IllegalStateException when a side tag's name is not known (its node has not recorded one)
     */
    public List<String> resolve(Function<NodeId, Optional<String>> sideTagNames) {
        var argv = new ArrayList<String>(arguments.size());
        for (var argument : arguments) {
            if (argument instanceof SideTagName name) {
                argv.add(sideTagNames.apply(name.sideTag()).orElseThrow(() -> new IllegalStateException(
                        "the name of the side tag of " + name.sideTag() + " is not known: that node recorded none")));
            } else {
                argv.add(((Text) argument).value());
            }
        }
        return List.copyOf(argv);
    }

    private static String writtenOf(Argument argument) {
        return argument instanceof SideTagName name ? name.written() : ((Text) argument).value();
    }

    /**
     * The command as one line for people: executable and written arguments, space-separated, an argument that is
     * empty or holds a space or a shell character in single quotes (as a shell would need it; nothing is run by one).
     */
    public String line() {
        var parts = new ArrayList<String>();
        parts.add(executable);
        written().stream().map(CliCommand::quoted).forEach(parts::add);
        return String.join(" ", parts);
    }

    private static String quoted(String argument) {
        if (!argument.isEmpty() && PLAIN.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
