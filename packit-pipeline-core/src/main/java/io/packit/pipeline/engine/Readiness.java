package io.packit.pipeline.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whether a node's needs are met: what the engine (or a Jenkins step) asks before running it. */
public sealed interface Readiness permits Readiness.Ready, Readiness.Waiting, Readiness.Blocked {
    /**
     * Every need is settled and the node can run on {@code chroots}.
     *
     * @param chroots  the chroots to run on (builds: those where every dependency succeeded; others: their own)
     * @param excluded chroots left out because a dependency did not succeed there → the root cause
     */
    record Ready(List<String> chroots, Map<String, String> excluded) implements Readiness {
        public Ready {
            chroots = List.copyOf(chroots);
            excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        }
    }

    /**
     * Some needs have not ended yet.
     *
     * @param pending the needs still open, as written in a Jenkinsfile ({@code copr_build:A:b@fedora-41-x86_64})
     */
    record Waiting(List<String> pending) implements Readiness {
        public Waiting {
            pending = List.copyOf(pending);
        }
    }

    /**
     * A need failed, was skipped or cancelled: the node will never run.
     *
     * @param rootCause the first failure up the chain, e.g. {@code copr_build:B:build1 failed on fedora-41-x86_64}
     */
    record Blocked(String rootCause) implements Readiness {
        public Blocked {
            Objects.requireNonNull(rootCause, "rootCause");
        }
    }
}
