package io.packit.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.packit.pipeline.bodhi.ResolvedReleaseTable;
import io.packit.pipeline.config.LoadResult;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.Problem;
import io.packit.pipeline.graph.PlanCheck;
import io.packit.pipeline.graph.PlanOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline validate [PATH]}: loads a packit.yaml and prints every problem, GNU style or as JSON. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a Packit config and prints every problem at once, as file:line:column: error|warning: message:",
            "what the loader finds, and what planning finds for every trigger the file uses (as plan and render plan it)."
        })
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "valid (warnings allowed)"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line, no config found in the directory, or a path that cannot be opened (no such file, a symbolic link loop)"),
    @ExitCodes.Meaning(code = ExitCode.CONFIG_INVALID, means = "invalid (or an invalid --release-table file); every problem printed")})
public final class ValidateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format {
        TEXT,
        JSON
    }

    /** Reads {@code text} or {@code json}. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            switch (value) {
                case "text":
                    return Format.TEXT;
                case "json":
                    return Format.JSON;
                default:
                    throw new CommandLine.TypeConversionException("expected text or json, got '" + value + "'");
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The config file, or a directory to find .packit.yaml, .packit.yml, packit.yaml or packit.yml in "
                    + "(default: the current directory).")
    Path path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (default) or json.")
    Format format;

    @Mixin
    ConfigLoading loading = new ConfigLoading();

    @Mixin
    CoprChrootCheck chrootCheck = new CoprChrootCheck();

    @Override
    public Integer call() {
        var file = configFile();
        chrootCheck.applyTo(loading);
        var result = withPlanProblems(loading.load(file, spec.commandLine().getErr()));
        var releases = loading.releases();
        var out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            out.println(json(file, result, releases));
        } else {
            for (var problem : result.diagnostics().problems()) {
                out.println(problem);
            }
            out.println(summary(file, result));
        }
        out.flush();
        return result.isValid() ? ExitCode.OK.code() : ExitCode.CONFIG_INVALID.code();
    }

    /**
     * {@code loaded} with what planning finds for every trigger the file uses ({@link PlanCheck}), so that whatever
     * {@code plan}, {@code graph}, {@code render} or {@code run} would report about the file is reported here too,
     * at the same position and with the same severity.
     */
    private static LoadResult withPlanProblems(LoadResult loaded) {
        if (!loaded.isValid()) {
            return loaded;
        }
        var diagnostics = new Diagnostics();
        diagnostics.addAll(loaded.diagnostics());
        diagnostics.addAll(PlanCheck.problems(loaded.configOrThrow(), PlanOptions.DEFAULTS));
        return new LoadResult(loaded.config(), diagnostics);
    }

    private Path configFile() {
        var given = path == null ? Path.of(".") : path;
        if (Files.isDirectory(given)) {
            return PackitConfigLoader.findConfig(given).map(Path::normalize).orElseThrow(() -> new CommandFailedException(
                    ExitCode.USAGE, "no " + String.join(", ", PackitConfigLoader.CONFIG_FILE_NAMES) + " in "
                            + (path == null ? "the current directory" : given.toString())));
        }
        return ConfigLoading.openable(given);
    }

    private static String summary(Path file, LoadResult result) {
        var errors = result.diagnostics().errors().size() + result.diagnostics().droppedCount();
        var warnings = result.diagnostics().warnings().size();
        var warningText = warnings == 0 ? "" : ", " + plural(warnings, "warning");
        if (result.isValid()) {
            var config = result.configOrThrow();
            return "%s: valid: %s, %s%s".formatted(file, plural(config.packages().size(), "package"),
                    plural(config.jobs().size(), "job"), warningText);
        }
        return "%s: invalid: %s%s".formatted(file, plural(errors, "error"), warningText);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String json(Path file, LoadResult result, ResolvedReleaseTable releases) {
        var document = new LinkedHashMap<String, Object>();
        document.put("file", file.toString());
        document.put("valid", result.isValid());
        document.put("errors", result.diagnostics().errors().size() + result.diagnostics().droppedCount());
        document.put("warnings", result.diagnostics().warnings().size());
        var problems = new ArrayList<Map<String, Object>>();
        for (Problem problem : result.diagnostics().problems()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("file", problem.position().file());
            entry.put("line", problem.position().line());
            entry.put("column", problem.position().column());
            entry.put("severity", problem.severity().label());
            entry.put("message", problem.message());
            problems.add(entry);
        }
        document.put("problems", problems);
        result.config().ifPresent(config -> {
            document.put("packages", List.copyOf(config.packages().keySet()));
            document.put("jobs", config.jobs().size());
            document.put("defaultJobs", config.defaultJobs());
            document.put("digest", config.digest());
        });
        var table = new LinkedHashMap<String, Object>();
        table.put("origin", releases.origin().key());
        table.put("source", releases.table().source());
        table.put("date", releases.table().date().toString());
        if (!releases.warnings().isEmpty()) {
            table.put("warnings", releases.warnings());
        }
        document.put("releaseTable", table);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("cannot write validation result of " + file + " as JSON", impossible);
        }
    }
}
