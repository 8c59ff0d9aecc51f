package io.packit.pipeline.cli;

import io.packit.pipeline.bodhi.BodhiApiException;
import io.packit.pipeline.bodhi.BodhiClient;
import io.packit.pipeline.bodhi.BodhiReleaseTable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline release-table}: Bodhi's releases as a release table file, the way Packit reads them. */
@Command(name = "release-table", mixinStandardHelpOptions = true,
        description = {
            "Reads every page of Bodhi's releases (current, pending, frozen) and writes the release table that",
            "target aliases resolve against, as Packit derives its aliases: the highest Fedora is Rawhide, current is",
            "stable, pending and frozen are in development, ELN and archived releases are left out, the EPEL 10+",
            "minor whose branch is epelN leads (epel-N), the others trail (rhel+epel-N). Prints one line per release",
            "on stderr; the table goes to FILE, or to stdout."
        })
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "written"),
    @ExitCodes.Meaning(code = ExitCode.FAILURE, means = "the file cannot be written (checked before Bodhi is asked)"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line (also a --bodhi-url that is not an http or https URL)"),
    @ExitCodes.Meaning(code = ExitCode.REMOTE_ERROR, means = "Bodhi failed (unreachable, an error after the retries, an answer not in Bodhi's shape, no Fedora release)")})
final class ReleaseTableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bodhi-url", paramLabel = "URL", defaultValue = BodhiClient.PUBLIC_URL,
            description = "The Bodhi to read (default: ${DEFAULT-VALUE}).")
    String bodhiUrl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the table here (atomically: a failure leaves the old file; its directory must exist) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (output != null) {
            OutputFile.check(output);
        }
        BodhiClient bodhi;
        try {
            bodhi = BodhiClient.connect(bodhiUrl);
        } catch (IllegalArgumentException badUrl) {
            throw new CommandFailedException(ExitCode.USAGE, "--bodhi-url: " + badUrl.getMessage(), badUrl);
        }
        BodhiReleaseTable read;
        try {
            read = BodhiReleaseTable.read(bodhi, Clock.systemUTC());
        } catch (BodhiApiException failed) {
            throw new CommandFailedException(ExitCode.REMOTE_ERROR, "Bodhi failed, no table written: "
                    + failed.getMessage(), failed);
        }
        read.entries().forEach(entry -> err.println("  " + entry.line()));
        var comments = List.of("release table written by packit-pipeline release-table from " + read.table().source(),
                "format: date YYYY-MM-DD, then <fedora|epel> <version> <dist-git branch> <stable|development>");
        var counts = read.counts().entrySet().stream()
                .map(count -> count.getValue() + (count.getKey().equals("epel") ? " EPEL" : " Fedora"))
                .collect(Collectors.joining(", "));
        var summary = read.table().source() + ": " + read.entries().size() + " releases on " + read.pages()
                + (read.pages() == 1 ? " page; " : " pages; ") + counts + " releases in the table";
        if (output == null) {
            err.println(summary);
            err.flush();
            var out = spec.commandLine().getOut();
            out.print(read.table().text(comments));
            out.flush();
            return ExitCode.OK.code();
        }
        try {
            read.table().writeTo(output, comments);
        } catch (UncheckedIOException failed) {
            throw OutputFile.cannotWrite(output, failed.getCause());
        }
        err.println(summary);
        err.println("wrote " + output + " dated " + read.table().date());
        err.flush();
        return ExitCode.OK.code();
    }
}
