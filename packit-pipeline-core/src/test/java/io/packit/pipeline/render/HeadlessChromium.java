package io.packit.pipeline.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the DevTools protocol on loopback (a WebSocket from {@code java.net.http}):
 * open a page at a window size, run JavaScript in it, click and scroll with real input events, take screenshots.
 * The binary is {@code PACKIT_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on the PATH.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The Chromium binary to use, if one is installed. */
    public static Optional<String> binary() {
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

    /** A headless Chromium with a window of {@code width} × {@code height} when one is installed, else null. */
    public static HeadlessChromium startIfInstalled(int width, int height) throws IOException, InterruptedException {
        var binary = binary();
        return binary.isPresent() ? start(binary.get(), width, height) : null;
    }

    /** How many pixels of {@code image} have the colour {@code rgb} ({@code 0xRRGGBB}). */
    public static long countPixels(java.awt.image.BufferedImage image, int rgb) {
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

    /** Starts {@code binary} headless with a window of {@code width} × {@code height} CSS pixels. */
    public static HeadlessChromium start(String binary, int width, int height) throws IOException, InterruptedException {
        var profile = Files.createTempDirectory("packit-chromium");
        var log = profile.resolve("stderr.log");
        var command = List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.resolve("profile"), "about:blank");
        var process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
        try {
            int port = port(process, log);
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            var list = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
            String page = null;
            for (var target : list) {
                if ("page".equals(target.path("type").asText())) {
                    page = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (page == null) {
                throw new IllegalStateException("chromium shows no page: " + list);
            }
            var holder = new HeadlessChromium[1];
            var listener = new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        holder[0].receive(text.toString());
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            };
            var socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener).get(20, TimeUnit.SECONDS);
            var chromium = new HeadlessChromium(process, profile, socket);
            holder[0] = chromium;
            chromium.call("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("cannot drive chromium: " + e, e);
        }
    }

    private static int port(Process process, Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            var matcher = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("chromium did not open its DevTools port within " + WAIT + ": " + Files.readString(log));
    }

    private void receive(String message) {
        try {
            var json = JSON.readTree(message);
            if (json.has("id")) {
                var future = pending.remove(json.get("id").asInt());
                if (future != null) {
                    future.complete(json);
                }
            }
        } catch (IOException e) {
            pending.values().forEach(future -> future.completeExceptionally(e));
        }
    }

    /** Sends DevTools command {@code method} and returns its result. */
    public JsonNode call(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        var future = new CompletableFuture<JsonNode>();
        pending.put(id, future);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(20, TimeUnit.SECONDS);
            var answer = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.get("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (Exception e) {
            throw e instanceof IllegalStateException state ? state : new IllegalStateException(method + " failed: " + e, e);
        }
    }

    /** Opens {@code file} and waits until it has loaded and its script has fit the drawing (the {@code packit-fit} mark). */
    public void open(Path file) throws InterruptedException {
        call("Page.navigate", Map.of("url", file.toUri().toString()));
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            var ready = evaluate("document.readyState === 'complete' && location.href !== 'about:blank'"
                    + " && performance.getEntriesByName('packit-fit').length > 0");
            if (ready.asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(file + " did not finish loading within " + WAIT);
    }

    /** The value of JavaScript expression {@code expression} (JSON-serialisable), evaluated in the page. */
    public JsonNode evaluate(String expression) {
        var result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails") + "\n" + expression);
        }
        return result.path("result").path("value");
    }

    /** A left click at ({@code x}, {@code y}) in CSS pixels of the window, as a user's mouse makes it. */
    public void click(double x, double y) {
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        for (var type : List.of("mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    /** A mouse wheel turn at ({@code x}, {@code y}); negative {@code deltaY} scrolls up (zooms in on the picture). */
    public void wheel(double x, double y, double deltaY) {
        call("Input.dispatchMouseEvent", Map.of("type", "mouseWheel", "x", x, "y", y, "deltaX", 0, "deltaY", deltaY));
    }

    /** Clicks the middle of the first element matching CSS selector {@code selector}. */
    public void clickOn(String selector) {
        var box = evaluate("(function () { var r = document.querySelector(" + quote(selector)
                + ").getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()");
        click(box.get(0).asDouble(), box.get(1).asDouble());
    }

    /** A PNG of the window as it is. */
    public void screenshot(Path file) throws IOException {
        var data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        Files.write(file, Base64.getDecoder().decode(data));
    }

    /** {@code text} as a JavaScript string literal. */
    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var walk = Files.walk(profile)) {
            var paths = new ArrayList<>(walk.toList());
            java.util.Collections.reverse(paths);
            for (var path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // chromium may still be writing its profile: the temp directory goes with the next clean-up
        }
    }
}
