package io.packit.pipeline.cli;

import io.packit.pipeline.render.PlanJsonWriter;
import io.packit.pipeline.render.PlanTextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline plan}: the job graph for an event, as text or JSON. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {
            "Plans the packit.yaml into a job graph for an event and lists its nodes in topological order,",
            "with what each needs and why a node is skipped, then the critical path."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "2:wrong command line", "3:invalid packit.yaml (every problem printed)"})
final class PlanCommand implements Runnable {
    /** Output formats. */
    enum Format {
        TEXT,
        JSON
    }

    /** Reads {@code text} or {@code json}. */
    static final class FormatConverter extends KeywordConverter<Format> {
        FormatConverter() {
            super(Format.class);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    PlanningOptions planning;

    @Mixin
    CoprChrootCheck chrootCheck = new CoprChrootCheck();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (default) or json.")
    Format format;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        chrootCheck.applyTo(planning.loading);
        var plan = planning.plan(spec.commandLine().getErr());
        out.print(format == Format.JSON ? new PlanJsonWriter().render(plan) : new PlanTextRenderer().render(plan));
        out.flush();
    }
}
