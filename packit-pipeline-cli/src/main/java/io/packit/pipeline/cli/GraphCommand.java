package io.packit.pipeline.cli;

import io.packit.pipeline.render.DotRenderer;
import io.packit.pipeline.render.HtmlGraphPage;
import io.packit.pipeline.render.MermaidRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline graph}: draws the job graph as Mermaid, DOT or a self-contained HTML page. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {
            "Draws the job graph: packages, jobs, chroot fan-out, edges by kind (srpm -> build, build -> tests per",
            "chroot, depends, release gating), skipped nodes greyed with their reason, the critical path in red."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drawn", "1:the output file could not be written", "2:wrong command line",
            "3:invalid packit.yaml (every problem printed)"})
final class GraphCommand implements Runnable {
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

    @Spec
    CommandSpec spec;

    @Mixin
    PlanningOptions planning;

    @Mixin
    CoprChrootCheck chrootCheck = new CoprChrootCheck();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", converter = FormatConverter.class,
            description = "mermaid (default), dot, or html (one self-contained page, no network).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public void run() {
        chrootCheck.applyTo(planning.loading);
        var plan = planning.plan(spec.commandLine().getErr());
        var text = switch (format) {
            case MERMAID -> new MermaidRenderer().render(plan);
            case DOT -> new DotRenderer().render(plan);
            case HTML -> new HtmlGraphPage().render(plan);
        };
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
