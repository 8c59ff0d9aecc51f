package io.packit.pipeline.report;

import io.packit.pipeline.engine.AtomicFile;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.RunListener;
import io.packit.pipeline.engine.RunState;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The page of a run kept current in a file: written when the run starts ({@link #start}), rewritten atomically
 * ({@link AtomicFile}) on every change of the board, and a last time, without reloading, when the run has ended
 * ({@link #finish}). A rewrite that fails while the run goes does not stop the run: it is reported once to the
 * warnings, and the next change tries again.
 */
public final class RunPageFile implements RunListener {
    private static final String WHAT = "the run page";

    private final RunState state;
    private final RunPage page;
    private final Path path;
    private final Duration refresh;
    private final Consumer<String> warnings;
    private boolean failing;
    private int writes;

    private RunPageFile(RunState state, Path path, Duration refresh, Consumer<String> warnings) {
        this.state = state;
        this.page = RunPage.of(state.plan());
        this.path = path;
        this.refresh = refresh;
        this.warnings = warnings;
    }

    /**
     * Writes the page of {@code state} to {@code path} and keeps it current.
     *
     * @param refresh  how often the page reloads itself while the run goes
     * @param warnings told (once per streak of failures) when a rewrite fails
     * @throws UncheckedIOException when the first page cannot be written (nothing is listening then)
     */
    public static RunPageFile start(RunState state, Path path, Duration refresh, Consumer<String> warnings) {
        var file = new RunPageFile(Objects.requireNonNull(state, "state"), Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(refresh, "refresh"), Objects.requireNonNull(warnings, "warnings"));
        synchronized (file) {
            file.write(refresh);
        }
        state.addListener(file);
        return file;
    }

    @Override
    public synchronized void changed(NodeStatus status, Change change) {
        try {
            write(refresh);
            if (failing) {
                failing = false;
                warnings.accept(path + ": the run page is written again");
            }
        } catch (UncheckedIOException e) {
            if (!failing) {
                failing = true;
                warnings.accept(e.getMessage() + " (the run goes on; the next change tries again)");
            }
        }
    }

    /**
     * Writes the final page: the run as it ended, not reloading.
     *
     * @throws UncheckedIOException when it cannot be written
     */
    public void finish() {
        // the board's lock first, as a change takes it before this file's
        var statuses = state.statuses();
        var now = state.clock().now();
        synchronized (this) {
            write(statuses, now, Duration.ZERO);
        }
    }

    /** How many times the page was written. */
    public synchronized int writes() {
        return writes;
    }

    private void write(Duration reload) {
        write(state.statuses(), state.clock().now(), reload);
    }

    private void write(java.util.List<NodeStatus> statuses, java.time.Instant now, Duration reload) {
        var html = page.render(statuses, now, reload);
        AtomicFile.write(path, html.getBytes(StandardCharsets.UTF_8), WHAT);
        writes++;
    }
}
