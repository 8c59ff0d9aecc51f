package io.packit.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.packit.pipeline.copr.BuildListener;
import io.packit.pipeline.copr.BuildOptions;
import io.packit.pipeline.copr.BuildSource;
import io.packit.pipeline.copr.BuildWaiter;
import io.packit.pipeline.copr.ChrootResult;
import io.packit.pipeline.copr.CoprApiException;
import io.packit.pipeline.copr.CoprBuild;
import io.packit.pipeline.copr.CoprBuildChroot;
import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprConfig;
import io.packit.pipeline.copr.ProjectSpec;
import io.packit.pipeline.copr.SourceChroot;
import io.packit.pipeline.copr.WaitResult;
import io.packit.pipeline.http.Backoff;
import io.packit.pipeline.http.PollSchedule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packit-pipeline copr-build}: submits one Copr build (SRPM upload, SRPM URL or SCM), optionally waits for it
 * per chroot with one progress line per state change on stderr, and prints a JSON summary on stdout. Ctrl-C while
 * waiting cancels the build it submitted.
 */
@Command(name = "copr-build", mixinStandardHelpOptions = true,
        description = {"Submits a Copr build and (with --wait) follows it per chroot until every chroot ended.",
            "Progress goes to stderr, one line per state change; a JSON summary goes to stdout.",
            "Ctrl-C while waiting cancels the submitted build."})
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "submitted (without --wait) or every chroot succeeded (forked counts as succeeded)"),
    @ExitCodes.Meaning(code = ExitCode.FAILURE, means = "a chroot failed, was skipped or canceled, or the wait timed out"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line or no config"),
    @ExitCodes.Meaning(code = ExitCode.CONFIG_INVALID, means = "invalid config file"),
    @ExitCodes.Meaning(code = ExitCode.REMOTE_ERROR, means = "Copr answered with an error (method, URL, status and Copr's error text)"),
    @ExitCodes.Meaning(code = ExitCode.CANCELLED, means = "cancelled (Ctrl-C)")})
public final class CoprBuildCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Copr's config file ([copr-cli] copr_url, login, username, token). Default: ~/.config/copr")
    Path config;

    @Option(names = "--owner", paramLabel = "OWNER",
            description = "Project owner (user or @group). Default: 'username' of the config")
    String owner;

    @Option(names = "--project", required = true, paramLabel = "PROJECT", description = "Copr project")
    String project;

    @Option(names = "--chroot", required = true, paramLabel = "CHROOT", split = ",",
            description = "Chroot to build in (repeat or comma-separate), e.g. fedora-41-x86_64")
    List<String> chroots;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--committish", paramLabel = "REF", defaultValue = "",
            description = "Branch, tag or commit for --scm (default: the default branch)")
    String committish;

    @Option(names = "--spec", paramLabel = "FILE", defaultValue = "", description = "Spec file for --scm")
    String specFile;

    @Option(names = "--ensure-project",
            description = "Create the project if missing (Packit defaults: unlisted, removed after 60 days) and add"
                    + " missing chroots")
    boolean ensureProject;

    @Option(names = "--wait", description = "Wait until every chroot ended; exit 0 only if every chroot succeeded")
    boolean waitForBuild;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "21600",
            description = "Give up waiting after this many seconds (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest wait between polls; polling starts at a third of it (default ${DEFAULT-VALUE})")
    long pollSeconds;

    /** Exactly one way to get the sources. */
    static final class Source {
        @Option(names = "--srpm", paramLabel = "FILE", description = "Upload a local .src.rpm")
        Path srpm;

        @Option(names = "--srpm-url", paramLabel = "URL", description = "Build an SRPM from a URL")
        String srpmUrl;

        @Option(names = "--scm", paramLabel = "URL", description = "Build from a Git repository (rpkg)")
        String scm;
    }

    private final AtomicReference<CoprClient> client = new AtomicReference<>();
    private final AtomicReference<CoprBuild> submitted = new AtomicReference<>();
    private volatile boolean finished;
    private volatile boolean cancelled;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CoprConfig copr = loadConfig();
        String projectOwner = owner != null ? owner : copr.username();
        if (projectOwner == null) {
            throw new CommandFailedException(ExitCode.USAGE, "no --owner given and no 'username' in the Copr config");
        }
        CoprClient copr0 = CoprClient.connect(copr);
        client.set(copr0);
        Thread cancelOnExit = new Thread(this::cancelSubmitted, "copr-build-cancel");
        try {
            if (ensureProject) {
                copr0.ensureProject(ProjectSpec.of(projectOwner, project, chroots));
            }
            CoprBuild build = copr0.submit(projectOwner, project, buildSource(), BuildOptions.chroots(chroots));
            submitted.set(build);
            err.println("copr-build: submitted build " + build.id() + " to " + projectOwner + "/" + project + ": "
                    + buildUrl(copr, build.id()));
            if (!waitForBuild) {
                finished = true;
                print(summary(copr, build, List.of(), "submitted"));
                return ExitCode.OK.code();
            }
            Runtime.getRuntime().addShutdownHook(cancelOnExit);
            Duration max = Duration.ofSeconds(Math.max(1, pollSeconds));
            PollSchedule schedule = new PollSchedule(new Backoff(max.dividedBy(3), max, 1.5, 0.2),
                    Duration.ofSeconds(timeoutSeconds), 1_000_000);
            WaitResult result = new BuildWaiter(copr0, schedule, new SplittableRandom())
                    .waitFor(List.of(build), new ProgressLines(err));
            finished = true;
            CoprBuild last = result.builds().getOrDefault(build.id(), build);
            String ending = cancelled ? "cancelled" : result.ending().name().toLowerCase(java.util.Locale.ROOT);
            print(summary(copr, last, result.chroots(), ending));
            if (cancelled) {
                return ExitCode.CANCELLED.code();
            }
            if (result.ending() != WaitResult.Ending.ALL_FINISHED) {
                err.println("copr-build: stopped waiting (" + ending + ") with build " + build.id() + " unfinished");
                return ExitCode.FAILURE.code();
            }
            return result.isAllSucceeded() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
        } catch (CoprApiException e) {
            throw new CommandFailedException(ExitCode.REMOTE_ERROR, e.getMessage(), e);
        } finally {
            finished = true;
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
                // the hook is running (Ctrl-C) or was never added
            }
        }
    }

    /**
     * Cancels the submitted build unless the wait already ended; what the Ctrl-C shutdown hook runs.
     *
     * @return true when a cancel was sent
     */
    boolean cancelSubmitted() {
        CoprBuild build = submitted.get();
        CoprClient copr = client.get();
        if (build == null || copr == null || finished) {
            return false;
        }
        cancelled = true;
        PrintWriter err = spec.commandLine().getErr();
        try {
            err.println("copr-build: interrupted, cancelling build " + build.id() + ": "
                    + copr.cancel(build.id()).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        } catch (RuntimeException e) {
            err.println("copr-build: could not cancel build " + build.id() + ": " + e.getMessage());
        }
        err.flush();
        return true;
    }

    private CoprConfig loadConfig() {
        Path file = config != null ? config : Path.of(System.getProperty("user.home"), ".config", "copr");
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException(ExitCode.USAGE, "no Copr config at " + file
                    + " (get one at <copr_url>/api, or pass --config FILE)");
        }
        try {
            return CoprConfig.load(file);
        } catch (UncheckedIOException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private BuildSource buildSource() {
        try {
            if (source.srpm != null) {
                if (!Files.isRegularFile(source.srpm)) {
                    throw new CommandFailedException(ExitCode.USAGE, "no such SRPM: " + source.srpm);
                }
                return new BuildSource.SrpmUpload(source.srpm);
            }
            if (source.srpmUrl != null) {
                return new BuildSource.SrpmUrl(source.srpmUrl);
            }
            return new BuildSource.Scm(source.scm, committish, "", specFile, "git", "rpkg");
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private static String buildUrl(CoprConfig copr, long id) {
        return copr.coprUrl() + "/coprs/build/" + id + "/";
    }

    private void print(Map<String, Object> summary) {
        try {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print the summary of build " + summary.get("build_id"), e);
        }
    }

    private static Map<String, Object> summary(CoprConfig copr, CoprBuild build, List<ChrootResult> chroots,
            String ending) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("build_id", build.id());
        json.put("owner", build.ownername());
        json.put("project", build.projectname());
        json.put("url", buildUrl(copr, build.id()));
        json.put("state", build.stateName());
        json.put("wait", ending);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChrootResult chroot : chroots) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", chroot.chroot());
            item.put("state", chroot.state().wireName());
            item.put("result_url", chroot.resultUrl());
            item.put("log_url", chroot.logUrl());
            item.put("repo_url", chroot.repoUrl());
            list.add(item);
        }
        json.put("chroots", list);
        return json;
    }

    /** One stderr line per state change. */
    private static final class ProgressLines implements BuildListener {
        private final PrintWriter err;

        ProgressLines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void srpmFinished(long buildId, SourceChroot srpm) {
            String results = srpm.resultUrl();
            err.println("copr-build: " + buildId + " srpm " + srpm.stateName() + (results == null ? "" : "  " + results));
            err.flush();
        }

        @Override
        public void chrootChanged(long buildId, CoprBuildChroot chroot) {
            err.println("copr-build: " + buildId + " " + chroot.name() + " " + chroot.stateName());
            err.flush();
        }

        @Override
        public void chrootFinished(ChrootResult result) {
            String log = result.logUrl();
            err.println("copr-build: " + result.buildId() + " " + result.chroot() + " " + result.state().wireName()
                    + (log == null ? "" : "  " + log));
            err.flush();
        }

        @Override
        public void buildFinished(CoprBuild build) {
            err.println("copr-build: " + build.id() + " build " + build.stateName());
            err.flush();
        }
    }
}
