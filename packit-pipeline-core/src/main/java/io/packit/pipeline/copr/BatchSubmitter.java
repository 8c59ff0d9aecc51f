package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Submits a dependency-ordered set of builds as Copr batches (reference §1.7), so Copr itself holds every layer
 * back until the layer before it has finished: the first build of a layer runs {@code after_build_id} the previous
 * layer's anchor, every other build of the layer joins it {@code with_build_id}. Only trees of batches exist in Copr,
 * so a DAG is flattened into topological layers by the caller.
 *
 * <p>The "already finished" race: if the anchor's batch (or, in the first layer, the anchor itself) finished before a
 * build could join it, that build is sent again after the previous layer (or without a batch in the first layer) and
 * becomes the layer's new anchor. Everything in the finished batch has ended, so the next layer still waits for the
 * whole layer.
 */
public final class BatchSubmitter {
    private final CoprClient client;

    /**
     * Creates the submitter.
     *
     * @param client the Copr client
     */
    public BatchSubmitter(CoprClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * One build of a layer.
     *
     * @param owner the owner
     * @param project the project
     * @param source the sources
     * @param options the options (batch options are set by the submitter)
     */
    public record Entry(String owner, String project, BuildSource source, BuildOptions options) {
        /** Validates. */
        public Entry {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(source, "source");
            options = Objects.requireNonNull(options, "options").withoutBatch();
        }
    }

    /**
     * Submits the layers in order.
     *
     * @param layers builds by layer, roots first; no layer may be empty
     * @return the submitted builds, by layer in the same order
     */
    public List<List<CoprBuild>> submit(List<List<Entry>> layers) {
        List<List<CoprBuild>> submitted = new ArrayList<>();
        Long previousAnchor = null;
        for (List<Entry> layer : layers) {
            if (layer.isEmpty()) {
                throw new IllegalArgumentException("layer " + submitted.size() + " of the batch plan is empty");
            }
            List<CoprBuild> builds = new ArrayList<>();
            Long anchor = null;
            for (Entry entry : layer) {
                BuildOptions options = anchor != null ? entry.options().with(anchor) : afterOrAlone(entry, previousAnchor);
                CoprBuild build;
                try {
                    build = client.submit(entry.owner(), entry.project(), entry.source(), options);
                } catch (CoprApiException e) {
                    if (!isAlreadyFinished(e)) {
                        throw e;
                    }
                    // the batch (or build) we wanted to join or follow has finished: its builds have all ended
                    BuildOptions retry = anchor != null ? afterOrAlone(entry, previousAnchor) : entry.options();
                    try {
                        build = client.submit(entry.owner(), entry.project(), entry.source(), retry);
                    } catch (CoprApiException again) {
                        if (!isAlreadyFinished(again) || retry.afterBuildId() == null) {
                            throw again;
                        }
                        // the previous layer's anchor ended alone, without a batch: the previous layer is done
                        build = client.submit(entry.owner(), entry.project(), entry.source(), entry.options());
                    }
                    anchor = build.id();
                    builds.add(build);
                    continue;
                }
                if (anchor == null) {
                    anchor = build.id();
                }
                builds.add(build);
            }
            submitted.add(List.copyOf(builds));
            previousAnchor = anchor;
        }
        return List.copyOf(submitted);
    }

    private static BuildOptions afterOrAlone(Entry entry, @CheckForNull Long previousAnchor) {
        return previousAnchor == null ? entry.options() : entry.options().after(previousAnchor);
    }

    private static boolean isAlreadyFinished(CoprApiException e) {
        return e.status() == 400 && e.errorText().contains("already finished");
    }
}
