package io.packit.pipeline.engine;

import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.testingfarm.CoprBuildArtifact;
import io.packit.pipeline.testingfarm.FmfSource;
import io.packit.pipeline.testingfarm.Ranch;
import io.packit.pipeline.testingfarm.RequestState;
import io.packit.pipeline.testingfarm.TestRequest;
import io.packit.pipeline.testingfarm.TestRequestFactory;
import io.packit.pipeline.testingfarm.TestRequestSpec;
import io.packit.pipeline.testingfarm.TestTarget;
import io.packit.pipeline.testingfarm.TestingFarmClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a {@code tests} node as one Testing Farm request for its chroot, with the Copr build it tests and the
 * builds of the packages that build depends on as artifacts (dependencies first; for a reused chroot, the build it
 * was taken from); converts the results to JUnit.
 */
public final class TestingFarmExecutor implements NodeExecutor {
    /** The remote id key of a Testing Farm request. */
    public static final String REQUEST_ID = "tf_request_id";

    private static final int CANCEL_CHECKS = 5;
    /** Testing Farm's own longest pipeline is 12 h; a request still not ended an hour later is given up. */
    static final java.time.Duration TIMEOUT = java.time.Duration.ofHours(13);

    private final TestingFarmClient client;
    private final RunSettings settings;
    private final TransientFailures transientFailures;

    /** Submits through {@code client}. */
    public TestingFarmExecutor(TestingFarmClient client, RunSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transientFailures = new TransientFailures(settings.polling());
    }

    @Override
    public Progress start(NodeRun run) {
        return transientFailures.guard(run, () -> submit(run));
    }

    private Progress submit(NodeRun run) {
        var request = request(run.state(), run.id(), settings);
        String id;
        try {
            id = client.submit(request);
        } catch (ApiException e) {
            if (e.isOutcomeUnknown()) {
                throw new IllegalStateException(run.id() + ": the answer to the Testing Farm submission was lost ("
                        + e.getMessage() + "); not submitting again, as a second request could run", e);
            }
            throw e;
        }
        run.recordRemote(REQUEST_ID, id);
        run.addLink("testing_farm", client.apiUrl() + "requests/" + id);
        return settings.polling().next(run);
    }

    @Override
    public Progress poll(NodeRun run) {
        if (run.remote(REQUEST_ID).isEmpty()) {
            return start(run);
        }
        return transientFailures.guard(run, () -> check(run));
    }

    private Progress check(NodeRun run) {
        var id = run.remote(REQUEST_ID).orElseThrow(() -> new IllegalStateException(run.id() + " has no Testing Farm request"));
        var status = client.status(id);
        status.optionalArtifactsUrl().ifPresent(url -> run.addLink("testing_farm", url));
        if (!status.isTerminal()) {
            if (run.elapsed().compareTo(TIMEOUT) > 0) {
                cancel(run);
                return Progress.failed("Testing Farm request " + id + " did not end within " + TIMEOUT.toHours()
                        + " h; cancelled it");
            }
            return settings.polling().next(run);
        }
        if (status.state() == RequestState.CANCELED || status.state() == RequestState.CANCEL_REQUESTED) {
            return new Progress.Done(NodeState.CANCELLED, "Testing Farm request " + id + " was cancelled");
        }
        var request = request(run.state(), run.id(), settings);
        client.junit(status, request.compose(), request.arch()).ifPresent(report -> run.attachJunit(report.toXml()));
        if (status.isPassed()) {
            return Progress.succeeded();
        }
        var why = status.message().orElse(status.result().wire());
        return Progress.failed("Testing Farm request " + id + " " + status.state().wire() + ": " + why);
    }

    @Override
    public void cancel(NodeRun run) {
        var id = run.remote(REQUEST_ID);
        if (id.isEmpty()) {
            return;
        }
        client.cancel(id.get());
        // Testing Farm answers "cancel-requested"; look until it says the request has ended
        for (int i = 0; i < CANCEL_CHECKS; i++) {
            try {
                if (client.status(id.get()).isTerminal()) {
                    return;
                }
            } catch (ApiException e) {
                return;
            }
            pause(settings.polling().min());
        }
    }

    private static void pause(java.time.Duration delay) {
        try {
            Thread.sleep(Math.min(delay.toMillis(), 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request {@code id} is submitted as (also what a dry run shows). */
    static TestRequest request(RunState state, NodeId id, RunSettings settings) {
        var node = state.node(id);
        var tests = node.view().settings().tests();
        var url = tests.fmfUrl().isEmpty() ? settings.repositoryOf(node.view().settings())
                : tests.fmfUrl();
        if (url.isEmpty()) {
            throw new IllegalStateException(id + ": no repository with the tmt plans: set fmf_url, or "
                    + RunSettings.howToGiveARepository());
        }
        // Packit's default ref is the event's commit only for the event's own repository: another fmf_url without
        // fmf_ref is read at its default branch (no ref sent)
        var ref = !tests.fmfRef().isEmpty() ? tests.fmfRef() : tests.fmfUrl().isEmpty() ? settings.commit() : "";
        var fmf = FmfSource.of(url, ref.isEmpty() ? null : ref).withPath(tests.fmfPath())
                .withPlan(tests.tmtPlan().isEmpty() ? null : tests.tmtPlan());
        var chroot = node.chroots().isEmpty() ? id.chroot() : node.chroots().get(0);
        var spec = TestRequestSpec.builder(chroot, fmf)
                .ranch(tests.useInternalTf() ? Ranch.REDHAT : Ranch.PUBLIC)
                .env(tests.env())
                .extraParams(tests.tfExtraParams())
                .postInstallScript(tests.tfPostInstallScript().isEmpty() ? null : tests.tfPostInstallScript())
                .skipBuild(node.view().job() instanceof TestsJob job && job.skipBuild());
        if (!node.testTarget().isEmpty()) {
            spec.distros(List.of(TestTarget.parse(node.testTarget()).distro()));
        }
        artifacts(state, id, chroot, settings).forEach(spec::build);
        var requests = TestRequestFactory.offline().requests(spec.build());
        return requests.get(0);
    }

    /**
     * The Copr builds installed for tests {@code id}: the dependencies' builds of {@code chroot}, then its own; a
     * reused chroot names the build it was taken from.
     */
    static List<CoprBuildArtifact> artifacts(RunState state, NodeId id, String chroot, RunSettings settings) {
        var build = state.needsOf(id).stream()
                .filter(edge -> edge.kind() == EdgeKind.BUILD_TO_TESTS)
                .map(edge -> edge.from())
                .findFirst();
        if (build.isEmpty()) {
            return List.of();
        }
        var artifacts = new ArrayList<CoprBuildArtifact>();
        for (var dependency : state.dependencyBuildsFirst(build.get())) {
            var status = state.status(dependency);
            var outcome = status.chroots().get(chroot);
            if (outcome != null && outcome.state().isSuccess()) {
                artifact(state, dependency, chroot, settings).ifPresent(artifacts::add);
            }
        }
        artifact(state, build.get(), chroot, settings).ifPresent(artifacts::add);
        return artifacts;
    }

    /** The build installed for {@code chroot} of {@code build}: the reused one when that chroot was reused. */
    private static Optional<CoprBuildArtifact> artifact(RunState state, NodeId build, String chroot, RunSettings settings) {
        var reused = state.status(build).chroot(chroot).map(ChrootOutcome::reused);
        if (reused.isPresent()) {
            return Optional.of(new CoprBuildArtifact(reused.get().buildId(), chroot, reused.get().target().fullName(),
                    List.of()));
        }
        var buildId = state.status(build).remote().get(CoprBuildExecutor.BUILD_ID);
        if (buildId == null) {
            return Optional.empty();
        }
        var target = CoprTarget.of(state.node(build), state.plan().event(), settings);
        return Optional.of(new CoprBuildArtifact(Long.parseLong(buildId), chroot, target.fullName(), List.of()));
    }
}
