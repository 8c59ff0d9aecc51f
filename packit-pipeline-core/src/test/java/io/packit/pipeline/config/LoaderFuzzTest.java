package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.diag.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Feeds mutated corpus files to the loader: it either loads them or returns positioned problems; it never throws
 * anything else and never hangs.
 */
class LoaderFuzzTest {
    private static final List<String> SNIPPETS = List.of(
            "", "~", "null", "[]", "{}", "x", "1", "-1", "true", "yes", "0x1F", "1.5", "\"quoted\"", "'single'",
            "*anchor", "&anchor", "&anchor x", "<<: *anchor", "[a, b]", "{a: b}", "- item", "key: value", ":", "-", "?",
            "|", ">", "#", "!!python/object:os.system", "!tag", "%YAML 1.1", "---", "...", "\t", "\"unterminated",
            "[unclosed", "{unclosed", "fedora-all", "commit | koji_build", "copr_build", "tests", "build_identifier: x",
            "depends: [a, a]", "packages: [a]", "jobs:", "metadata: {targets: x}", "trigger: release", "\u00e9\u4e2d");
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "loader-fuzz");
        thread.setDaemon(true);
        return thread;
    });

    private static List<String> corpus;

    private final PackitConfigLoader loader = new PackitConfigLoader();

    /** The corpus texts, read once; skips (fails on CI) without the shared corpus. */
    private static synchronized List<String> corpus() {
        if (corpus == null) {
            corpus = CorpusFiles.yamlFiles().stream().map(path -> {
                try {
                    return Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException unreadable) {
                    throw new UncheckedIOException("cannot read corpus file " + path, unreadable);
                }
            }).toList();
        }
        return corpus;
    }

    @Provide
    Arbitrary<Integer> corpusIndex() {
        return Arbitraries.integers().between(0, corpus().size() - 1);
    }

    @Property(tries = 1500)
    void shouldLoadOrReportPositionedProblemsForMutatedCorpusFiles(
            @ForAll("corpusIndex") int index, @ForAll long seed) throws Exception {
        var mutated = mutate(corpus().get(index), new Random(seed));

        var result = loadWithin(mutated, 5);

        if (result.diagnostics().hasErrors()) {
            assertThat(result.config()).isEmpty();
            assertThat(result.diagnostics().errors()).allSatisfy(this::isPositioned);
        } else {
            assertThat(result.config()).isPresent();
        }
        assertThat(result.diagnostics().problems()).allSatisfy(problem -> assertThat(problem.position().file()).isEqualTo(".packit.yaml"));
    }

    @Property(tries = 300)
    void shouldSurviveRandomBytes(@ForAll byte[] bytes) throws Exception {
        var result = loadWithin(bytes, 5);

        assertThat(result.diagnostics().errors()).allSatisfy(this::isPositioned);
    }

    private void isPositioned(Problem error) {
        if (!error.position().hasLine()) {
            assertThat(error.message()).matches("YAML expands to more than .*|file is .* bytes.*|invalid YAML: .*");
        }
    }

    private LoadResult loadWithin(byte[] content, int seconds) throws InterruptedException, ExecutionException {
        var future = RUNNER.submit(() -> loader.load(".packit.yaml", content));
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException hang) {
            future.cancel(true);
            throw new AssertionError("loader did not return within " + seconds + " s on:\n"
                    + new String(content, StandardCharsets.UTF_8), hang);
        }
    }

    private LoadResult loadWithin(String content, int seconds) throws InterruptedException, ExecutionException {
        return loadWithin(content.getBytes(StandardCharsets.UTF_8), seconds);
    }

    /** One to six random edits: lines deleted, duplicated, swapped, re-indented; values, keys or characters replaced. */
    static String mutate(String text, Random random) {
        var lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + random.nextInt(6);
        for (int edit = 0; edit < edits && !lines.isEmpty(); edit++) {
            int at = random.nextInt(lines.size());
            var line = lines.get(at);
            switch (random.nextInt(9)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, "  ".repeat(random.nextInt(4)) + line.strip());
                case 3 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 4 -> {
                    int colon = line.indexOf(": ");
                    var snippet = SNIPPETS.get(random.nextInt(SNIPPETS.size()));
                    lines.set(at, colon < 0 ? line + snippet : line.substring(0, colon + 2) + snippet);
                }
                case 5 -> {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        var indent = line.length() - line.stripLeading().length();
                        var keys = List.copyOf(ConfigKeys.COMMON.keySet());
                        lines.set(at, " ".repeat(indent) + keys.get(random.nextInt(keys.size())) + line.substring(colon));
                    }
                }
                case 6 -> {
                    if (!line.isEmpty()) {
                        int position = random.nextInt(line.length());
                        var characters = ":-[]{}&*!|>'\"#,? \t";
                        lines.set(at, line.substring(0, position) + characters.charAt(random.nextInt(characters.length()))
                                + line.substring(position + 1));
                    }
                }
                case 7 -> lines.add(at, "  ".repeat(random.nextInt(4)) + SNIPPETS.get(random.nextInt(SNIPPETS.size())));
                default -> {
                    int from = random.nextInt(lines.size());
                    int to = Math.min(lines.size(), from + 1 + random.nextInt(10));
                    lines.addAll(at, List.copyOf(lines.subList(from, to)));
                }
            }
        }
        return String.join("\n", lines);
    }

    @AfterContainer
    static void stopRunner() {
        RUNNER.shutdownNow();
    }
}
