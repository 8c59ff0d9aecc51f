package io.packit.pipeline.testingfarm;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Runs {@link FakeTestingFarm} on its own, for trying the command line by hand (the README's examples):
 * {@code java -cp <test classpath> io.packit.pipeline.testingfarm.FakeTestingFarmMain PORT API_KEY passing|failing|erroring [POLLS_PER_STATE]}.
 * Runs until killed.
 */
final class FakeTestingFarmMain {
    private FakeTestingFarmMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length < 3) {
            out.println("usage: FakeTestingFarmMain PORT API_KEY passing|failing|erroring [POLLS_PER_STATE]");
            return;
        }
        int polls = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        FakeTestingFarm.Script script = switch (args[2]) {
            case "failing" -> FakeTestingFarm.Script.failing();
            case "erroring" -> FakeTestingFarm.Script.erroring("Guest provisioning failed");
            default -> FakeTestingFarm.Script.passing();
        };
        var farm = new FakeTestingFarm(Clock.systemUTC()).addApiKey(args[1], Ranch.PUBLIC).defaultScript(script.slow(polls))
                .start(Integer.parseInt(args[0]));
        out.println("fake Testing Farm at " + farm.apiUrl());
        Thread.currentThread().join();
    }
}
