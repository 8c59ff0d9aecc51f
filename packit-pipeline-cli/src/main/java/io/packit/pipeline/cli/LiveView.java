package io.packit.pipeline.cli;

import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.RunListener;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.RunSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run as it happens, on stderr: on a terminal, one line per node with its state and elapsed time, redrawn every
 * second; otherwise (a pipe, a CI log) one plain line per change. A reused node or chroot names the build it took.
 */
final class LiveView implements RunListener, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final RunState state;
    private final PrintWriter err;
    private final boolean terminal;
    private ScheduledExecutorService redraw;
    private final java.util.Set<String> printed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int drawnLines;

    LiveView(RunState state, PrintWriter err, boolean terminal) {
        this.state = state;
        this.err = err;
        this.terminal = terminal;
    }

    void start() {
        state.addListener(this);
        if (terminal) {
            redraw = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "packit-live-view");
                thread.setDaemon(true);
                return thread;
            });
            redraw.scheduleAtFixedRate(this::draw, 0, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public void changed(NodeStatus status, Change change) {
        if (terminal) {
            return;
        }
        if (change == Change.STATE) {
            var line = new StringBuilder(TIME.format(state.clock().now())).append(' ').append(status.id()).append(' ')
                    .append(status.state());
            status.elapsed(state.clock().now()).filter(elapsed -> status.state().isTerminal())
                    .ifPresent(elapsed -> line.append(" after ").append(RunSummary.format(elapsed)));
            if (!status.reason().isEmpty()) {
                line.append(status.state() == NodeState.SKIPPED ? ": " : " - ").append(status.reason());
            }
            print(line.toString());
        } else if (change == Change.CHROOT) {
            status.chroots().forEach((chroot, outcome) -> {
                if (outcome.state().isTerminal() && printed.add(status.id() + "@" + chroot)) {
                    print(TIME.format(state.clock().now()) + " " + status.id() + " " + chroot + " " + outcome.state()
                            + (outcome.state() == NodeState.REUSED ? ": " + outcome.reason() : ""));
                }
            });
        } else if (change == Change.REMOTE_ID) {
            status.remote().forEach((key, value) -> {
                if (!key.endsWith("_since") && printed.add(status.id() + " " + key + " " + value)) {
                    print(TIME.format(state.clock().now()) + " " + status.id() + " " + key + " " + value);
                }
            });
        }
    }

    private synchronized void print(String line) {
        err.println(line);
        err.flush();
    }

    private synchronized void draw() {
        var now = Instant.now();
        var out = new StringBuilder();
        if (drawnLines > 0) {
            out.append("\u001b[").append(drawnLines).append('F');
        }
        var statuses = state.statuses();
        int width = statuses.stream().mapToInt(status -> status.id().toString().length()).max().orElse(0);
        for (var status : statuses) {
            var elapsed = status.elapsed(now).map(RunSummary::format).orElse("");
            out.append("\u001b[2K").append(String.format("%-" + width + "s  %-9s %8s", status.id(), status.state(), elapsed));
            if (status.state() == NodeState.SKIPPED || status.state() == NodeState.FAILED
                    || status.state() == NodeState.REUSED) {
                out.append("  ").append(status.reason());
            }
            out.append('\n');
        }
        drawnLines = statuses.size();
        err.print(out);
        err.flush();
    }

    @Override
    public void close() {
        if (redraw != null) {
            redraw.shutdownNow();
            draw();
        }
    }
}
