package io.packit.pipeline.cli;

import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.PlanJsonWriter;
import io.packit.pipeline.render.PlanTextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code packit-pipeline plan}: the job graph for an event, as text or JSON. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {
            "Plans the packit.yaml into a job graph for an event and lists its nodes in topological order,",
            "with what each needs and why a node is skipped, then the critical path."
        })
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "planned"),
    @ExitCodes.Meaning(code = ExitCode.FAILURE, means = "the output file cannot be written (its directory is missing or not a directory, or permission is denied; checked before planning)"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line (also a config path that cannot be opened)"),
    @ExitCodes.Meaning(code = ExitCode.CONFIG_INVALID, means = "invalid .packit.yaml or plan problems (every problem printed)")})
final class PlanCommand extends PlanOutputCommand {
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (default) or json.")
    Format format;

    @Override
    String render(Plan plan) {
        return format == Format.JSON ? new PlanJsonWriter().render(plan) : new PlanTextRenderer().render(plan);
    }
}
