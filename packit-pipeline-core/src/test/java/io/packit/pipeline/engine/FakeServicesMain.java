package io.packit.pipeline.engine;

import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.http.Sleeper;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the fake Copr and the fake Testing Farm on loopback until killed, writes a Copr config and a Testing Farm
 * key for them into a directory and prints the {@code run} options that point at them: for trying
 * {@code packit-pipeline run} by hand. Builds take 2 s for the SRPM and 5 s per chroot ({@code fedora-40-x86_64}
 * fails when the second argument is {@code fail-f40}).
 *
 * <p>{@code java -cp <core test classpath> io.packit.pipeline.engine.FakeServicesMain DIR [fail-f40]}
 */
final class FakeServicesMain {
    private FakeServicesMain() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : ".");
        var services = new FakeServices(Sleeper.system());
        var plan = FakeServices.plan(Duration.ofSeconds(2), Duration.ofSeconds(5));
        if (args.length > 1 && args[1].equals("fail-f40")) {
            plan = plan.withChroot("fedora-40-x86_64", new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofSeconds(5), "failed"));
        }
        services.copr().defaultPlan(plan);
        System.out.println("--copr-config " + services.writeCoprConfig(dir) + " --tf-api-key-file "
                + services.writeTfKey(dir) + " --tf-url " + services.farm().apiUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
