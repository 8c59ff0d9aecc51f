package io.packit.pipeline.bodhi.fake;

import java.util.List;

/**
 * Runs the fake Bodhi on loopback for trying the CLI by hand. Arguments: the fixture ({@code steady} or
 * {@code branching}, default steady), releases per page (default 20, Bodhi's), seconds to stay up (default 300).
 * Prints the URL to pass as {@code --bodhi-url}.
 */
final class FakeBodhiMain {
    private FakeBodhiMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<FakeBodhi.Release> releases = args.length > 0 && args[0].equals("branching") ? BodhiFixtures.branching()
                : BodhiFixtures.steady();
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 300;
        try (FakeBodhi bodhi = new FakeBodhi(releases).defaultRowsPerPage(rows)) {
            System.out.println(bodhi.url());
            System.out.flush();
            Thread.sleep(seconds * 1000);
        }
    }
}
