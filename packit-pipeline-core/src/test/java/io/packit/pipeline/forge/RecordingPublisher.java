package io.packit.pipeline.forge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A publisher that keeps every status it is given, in order, and what the forge would show now. */
final class RecordingPublisher implements ForgeStatusPublisher {
    private final List<ForgeStatus> published = new ArrayList<>();
    private final Map<String, ForgeStatus> shown = new LinkedHashMap<>();

    @Override
    public synchronized void publish(ForgeStatus status) {
        published.add(status);
        shown.put(status.name(), status);
    }

    /** Every status published, in order. */
    synchronized List<ForgeStatus> published() {
        return List.copyOf(published);
    }

    /** The statuses of {@code name}, in the order published. */
    synchronized List<ForgeStatus> of(String name) {
        return published.stream().filter(status -> status.name().equals(name)).toList();
    }

    /** What the forge shows now: the last status of each name. */
    synchronized Map<String, ForgeStatus> shown() {
        return new LinkedHashMap<>(shown);
    }

    /** Forgets what was published (not what is shown). */
    synchronized void clear() {
        published.clear();
    }
}
