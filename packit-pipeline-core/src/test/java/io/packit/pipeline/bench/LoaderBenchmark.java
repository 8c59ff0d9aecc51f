package io.packit.pipeline.bench;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading speed: the largest corpus file, and a generated 1,000-package monorepo (7 jobs, {@code depends} chains).
 * Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test -Dbench.args="LoaderBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoaderBenchmark {
    private final PackitConfigLoader loader = new PackitConfigLoader();
    private byte[] largestCorpusFile;
    private byte[] monorepo;

    /** Reads the largest corpus file and generates the monorepo. */
    @Setup
    public void setUp() throws IOException {
        var corpus = SharedCorpus.directory();
        try (Stream<Path> files = Files.list(corpus)) {
            var largest = files.filter(path -> path.toString().endsWith(".yaml"))
                    .max(Comparator.comparingLong(LoaderBenchmark::size))
                    .orElseThrow(() -> new IllegalStateException("no corpus files in " + corpus));
            largestCorpusFile = Files.readAllBytes(largest);
        }
        monorepo = GeneratedMonorepo.yaml(1000).getBytes(StandardCharsets.UTF_8);
    }

    /** The largest real packit.yaml of the corpus. */
    @Benchmark
    public PackitConfig loadLargestCorpusFile() {
        return loader.load(".packit.yaml", largestCorpusFile).configOrThrow();
    }

    /** A generated monorepo of 1,000 packages. */
    @Benchmark
    public PackitConfig loadThousandPackageMonorepo() {
        return loader.load(".packit.yaml", monorepo).configOrThrow();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException("cannot stat " + path, unreadable);
        }
    }
}
