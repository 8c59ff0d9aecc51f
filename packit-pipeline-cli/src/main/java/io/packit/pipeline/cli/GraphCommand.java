package io.packit.pipeline.cli;

import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.DotRenderer;
import io.packit.pipeline.render.HtmlGraphPage;
import io.packit.pipeline.render.MermaidRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code packit-pipeline graph}: draws the job graph as Mermaid, DOT or a self-contained HTML page. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {
            "Draws the job graph: packages, jobs, chroot fan-out, edges by kind (srpm -> build, build -> tests per",
            "chroot, depends, release gating), skipped nodes greyed with their reason, the critical path in red."
        })
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "drawn"),
    @ExitCodes.Meaning(code = ExitCode.FAILURE, means = "the output file cannot be written (its directory is missing or not a directory, or permission is denied; checked before planning)"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line (also a config path that cannot be opened)"),
    @ExitCodes.Meaning(code = ExitCode.CONFIG_INVALID, means = "invalid .packit.yaml or plan problems (every problem printed)")})
final class GraphCommand extends PlanOutputCommand {
    /** Drawing formats. */
    enum Format {
        MERMAID,
        DOT,
        HTML
    }

    /** Reads {@code mermaid}, {@code dot} or {@code html}. */
    static final class FormatConverter extends KeywordConverter<Format> {
        FormatConverter() {
            super(Format.class);
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", converter = FormatConverter.class,
            description = "mermaid (default), dot, or html (one self-contained page, no network).")
    Format format;

    @Override
    String render(Plan plan) {
        return switch (format) {
            case MERMAID -> new MermaidRenderer().render(plan);
            case DOT -> new DotRenderer().render(plan);
            case HTML -> new HtmlGraphPage().render(plan);
        };
    }
}
