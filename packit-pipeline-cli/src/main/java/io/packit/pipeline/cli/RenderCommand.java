package io.packit.pipeline.cli;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.render.JenkinsfileRenderer;
import io.packit.pipeline.render.RuntimePipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline render}: the declarative Jenkinsfile of a packit.yaml, or a check that it is current. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Renders the declarative Jenkinsfile of a .packit.yaml (planned for every trigger) to standard output",
            "or to a file; with --check, compares it with the committed file instead and fails when it is stale."
        })
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "rendered (or up to date)"),
    @ExitCodes.Meaning(code = ExitCode.FAILURE, means = "the Jenkinsfile is stale (--check), the plan cannot fit a Jenkinsfile, "
            + "or the output file cannot be written"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line (also a config path that cannot be opened)"),
    @ExitCodes.Meaning(code = ExitCode.CONFIG_INVALID, means = "invalid .packit.yaml or plan problems (every problem printed)")})
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "The packit.yaml (default: .packit.yaml, .packit.yml, packit.yaml or packit.yml here).")
    Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the Jenkinsfile here instead of standard output, whole or not at all; its directory must exist "
                    + "(with --check: the file to compare; default Jenkinsfile).")
    Path output;

    @Mixin
    ConfigLoading loading = new ConfigLoading();

    @Mixin
    CoprChrootCheck chrootCheck = new CoprChrootCheck();

    @Option(names = "--check", description = "Do not write: exit 1 with a diff when FILE differs from what would be rendered.")
    boolean check;

    @Override
    public Integer call() {
        var file = ConfigLoading.configOrFound(config);
        chrootCheck.applyTo(loading);
        if (output != null && !check) {
            OutputFile.check(output);
        }
        var result = loading.load(file, spec.commandLine().getErr());
        var loaded = result.configOrThrow();
        var diagnostics = new Diagnostics();
        diagnostics.addAll(result.diagnostics());
        var plan = RuntimePipeline.planFor(loaded, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new InvalidInputException(diagnostics);
        }
        diagnostics.warnings().forEach(spec.commandLine().getErr()::println);
        String jenkinsfile;
        try {
            jenkinsfile = new JenkinsfileRenderer().render(plan, RepositoryPath.of(file));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.FAILURE, "cannot render " + file + ": " + e.getMessage(), e);
        }
        var out = spec.commandLine().getOut();
        if (check) {
            var target = output != null ? output : Path.of("Jenkinsfile");
            var committed = read(target);
            if (committed.equals(jenkinsfile)) {
                out.println(target + " is up to date with " + file);
                out.flush();
                return ExitCode.OK.code();
            }
            var err = spec.commandLine().getErr();
            err.println(target + " is stale: run 'packit-pipeline render " + file + " -o " + target + "'");
            err.print(LineDiff.of(target.toString(), committed, "rendered from " + file, jenkinsfile));
            err.flush();
            return ExitCode.FAILURE.code();
        }
        if (output != null) {
            OutputFile.write(output, jenkinsfile);
            out.println("wrote " + output + " (" + plan.nodes().size() + " nodes, "
                    + jenkinsfile.getBytes(StandardCharsets.UTF_8).length + " bytes)");
        } else {
            out.print(jenkinsfile);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static String read(Path target) {
        if (!Files.exists(target)) {
            return "";
        }
        try {
            return Files.readString(target, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.FAILURE, "cannot read " + target + ": " + e.getMessage(), e);
        }
    }
}
