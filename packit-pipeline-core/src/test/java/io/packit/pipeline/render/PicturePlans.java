package io.packit.pipeline.render;

import io.packit.pipeline.config.BodhiUpdateJob;
import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.KojiBuildJob;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.ConfigFixtures;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.Plan;
import java.util.List;

/** Plans the picture tests draw. */
final class PicturePlans {
    private PicturePlans() {
    }

    /**
     * Monorepo A depends on B and C; two builds, tests bound by build_identifier, a manual build (skipped) with
     * tests, a koji build and Bodhi update for A: every edge kind, a skipped node and a critical path.
     */
    static Plan monorepo(Event event) {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B", "C").done().pkg("B").done().pkg("C").targets("fedora-41-x86_64").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build1").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build2").packages("A").manual().done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("tests1").buildIdentifier("build1").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("tests2").buildIdentifier("build2")
                .packages("A").done()
                .job(KojiBuildJob.KEY, Trigger.PULL_REQUEST).identifier("koji").packages("A").done()
                .job(BodhiUpdateJob.KEY, Trigger.PULL_REQUEST).identifier("bodhi").packages("A").done()
                .build();
        return new JobGraphPlanner().plan(config, event);
    }

    static Plan monorepoPullRequest() {
        return monorepo(new Event.PullRequest("main", 42, List.of(), List.of()));
    }
}
