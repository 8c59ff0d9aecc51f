package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.packit.pipeline.graph.Node;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page: self-contained, and drawn by a real headless Chromium (skipped only when none is installed). */
class HtmlGraphPageTest {
    private final HtmlGraphPage page = new HtmlGraphPage();

    @Test
    void shouldBeOneSelfContainedFileWithEveryNode() {
        var plan = PicturePlans.monorepoPullRequest();

        var html = page.render(plan);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<style>", "<script>");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)@import|url\\((?!#)");
        plan.nodes().forEach(node -> assertThat(html).contains("data-id=\"" + node.id() + "\""));
        assertThat(html).contains("skipped: manual job not requested");
    }

    @Test
    void shouldEscapeTextFromTheConfig() {
        assertThat(HtmlGraphPage.escape("<script>\"&'")).isEqualTo("&lt;script&gt;&quot;&amp;&#39;");
    }

    @Test
    void shouldShowEveryNodeInHeadlessChromium(@TempDir Path dir) throws Exception {
        var chromium = chromium();
        assumeThat(chromium).as("a chromium binary (PACKIT_CHROMIUM or chromium on PATH)").isPresent();
        var plan = PicturePlans.monorepoPullRequest();
        var file = dir.resolve("plan.html");
        Files.writeString(file, page.render(plan), StandardCharsets.UTF_8);
        var screenshot = dir.resolve("plan.png");

        var dom = runChromium(chromium.get(), dir, "--dump-dom", file.toUri().toString());
        runChromium(chromium.get(), dir, "--screenshot=" + screenshot, "--window-size=1400,1000", file.toUri().toString());

        var drawn = new ArrayList<String>();
        var matcher = Pattern.compile("<g class=\"node[^\"]*\" id=\"n\\d+\" data-id=\"([^\"]+)\"").matcher(dom);
        while (matcher.find()) {
            drawn.add(matcher.group(1));
        }
        assertThat(drawn).containsExactlyElementsOf(plan.nodes().stream().map(Node::id).map(Object::toString).toList());
        assertThat(dom).contains("<table id=\"nodes\">");
        var image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(countPixels(image, 0xd62728)).as("red critical-path pixels").isGreaterThan(200);
        assertThat(countPixels(image, 0xe6f0fa)).as("copr_build fill pixels").isGreaterThan(2000);
        assertThat(countPixels(image, 0xeeeeee)).as("skipped node fill pixels").isGreaterThan(2000);
        var keep = System.getProperty("graph.screenshot", "");
        if (!keep.isEmpty()) {
            Files.copy(screenshot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Optional<String> chromium() {
        var configured = System.getenv("PACKIT_CHROMIUM");
        if (configured != null && !configured.isBlank() && new File(configured).canExecute()) {
            return Optional.of(configured);
        }
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var entry : path.split(File.pathSeparator)) {
            for (var name : List.of("chromium", "chromium-browser")) {
                var candidate = new File(entry, name);
                if (candidate.canExecute()) {
                    return Optional.of(candidate.getPath());
                }
            }
        }
        return Optional.empty();
    }

    private static String runChromium(String binary, Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        var output = dir.resolve("chromium-" + System.nanoTime() + ".out");
        var process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit status; stderr: %s",
                Files.readString(dir.resolve("chromium.err"))).isZero();
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
