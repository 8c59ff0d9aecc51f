package io.packit.pipeline.copr.fake;

import io.packit.pipeline.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the fake Copr on loopback for trying the CLI by hand: user {@code jdoe} (login {@code demo-login}, token
 * {@code demo-token}), project {@code jdoe/hello-ci} with two chroots, builds that take about 20 s on the wall clock.
 * Arguments: seconds to stay up (default 300). Prints the URL to put in {@code copr_url}.
 */
final class FakeCoprMain {
    private FakeCoprMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 300;
        try (FakeCopr copr = new FakeCopr(Sleeper.system()).user("demo-login", "demo-token", "jdoe")) {
            copr.seedProject("jdoe", "hello-ci", List.of("fedora-41-x86_64", "epel-9-x86_64"));
            copr.defaultPlan(new BuildPlan(Duration.ofSeconds(2), Duration.ofSeconds(4), true, Duration.ofSeconds(2),
                    "hello", "2.12-1", Map.of("epel-9-x86_64", new BuildPlan.ChrootPlan(Duration.ofSeconds(3),
                    Duration.ofSeconds(12), "succeeded")), new BuildPlan.ChrootPlan(Duration.ofSeconds(1),
                    Duration.ofSeconds(6), "succeeded")));
            System.out.println(copr.url());
            System.out.flush();
            Thread.sleep(seconds * 1000);
        }
    }
}
