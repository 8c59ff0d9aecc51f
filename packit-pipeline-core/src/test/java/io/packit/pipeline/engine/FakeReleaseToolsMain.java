package io.packit.pipeline.engine;

import java.nio.file.Path;

/**
 * Writes the fake release tools ({@link FakeReleaseTools}) into {@code DIR/bin} and prints the {@code PATH} entry to
 * use, for trying {@code packit-pipeline run} on a side-tag release by hand:
 * {@code java -cp <core test classpath> io.packit.pipeline.engine.FakeReleaseToolsMain DIR [PACKAGE BRANCH]}; with
 * {@code PACKAGE BRANCH}, packit reports that package's build on that branch as failed (and exits 0, as it does).
 */
public final class FakeReleaseToolsMain {
    private FakeReleaseToolsMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: FakeReleaseToolsMain DIR [PACKAGE BRANCH]");
            System.exit(2);
        }
        var tools = new FakeReleaseTools(Path.of(args[0]));
        if (args.length == 3) {
            tools.failBuildOf(args[1], args[2]);
        }
        System.out.println("PATH=" + tools.bin().toAbsolutePath() + ":$PATH  # calls go to "
                + Path.of(args[0]).toAbsolutePath().resolve("calls.txt"));
    }
}
