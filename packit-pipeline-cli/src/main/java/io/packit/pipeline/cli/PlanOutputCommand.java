package io.packit.pipeline.cli;

import io.packit.pipeline.graph.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code plan} and {@code graph} share: the planning options, planning with warnings on stderr, and writing
 * the text to standard output or to {@code -o FILE}. A subclass only says how a plan becomes text.
 */
abstract class PlanOutputCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    PlanningOptions planning;

    @Mixin
    CoprChrootCheck chrootCheck = new CoprChrootCheck();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    /** The plan as this command shows it. */
    abstract String render(Plan plan);

    @Override
    public final void run() {
        chrootCheck.applyTo(planning.loading);
        var plan = planning.plan(spec.commandLine().getErr());
        var text = render(plan);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new CommandFailedException(ExitCode.FAILURE, "cannot write " + output + ": " + failed.getMessage(),
                    failed);
        }
        spec.commandLine().getErr().println("wrote " + output + " (" + plan.nodes().size() + " nodes)");
    }
}
