package io.packit.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.packit.pipeline.render.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPageBrowserTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;
    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        var binary = HeadlessChromium.binary();
        if (binary.isPresent()) {
            chromium = HeadlessChromium.start(binary.get(), WIDTH, HEIGHT);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void look() throws Exception {
        assumeThat(chromium).isNotNull();
        for (var name : new String[] {"mid", "end"}) {
            var run = name.equals("mid") ? RunScenario.midRun() : RunScenario.finished();
            var file = Path.of("/tmp/runpage-" + name + ".html");
            Files.writeString(file, RunPageTest.render(run), StandardCharsets.UTF_8);
            chromium.open(file);
            chromium.screenshot(Path.of("/tmp/runpage-" + name + ".png"));
        }
    }
}
