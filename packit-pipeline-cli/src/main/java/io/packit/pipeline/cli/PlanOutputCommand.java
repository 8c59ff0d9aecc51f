package io.packit.pipeline.cli;

import io.packit.pipeline.graph.Plan;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output (whole or not at all; its directory must exist).")
    Path output;

    /** The plan as this command shows it. */
    abstract String render(Plan plan);

    @Override
    public final void run() {
        chrootCheck.applyTo(planning.loading);
        if (output != null) {
            OutputFile.check(output);
        }
        var plan = planning.plan(spec.commandLine().getErr());
        var text = render(plan);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        OutputFile.write(output, text);
        spec.commandLine().getErr().println("wrote " + output + " (" + plan.nodes().size() + " nodes)");
    }
}
