package io.packit.pipeline.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The real packit.yaml files of {@code shared/corpus} with what {@code INDEX.tsv} says about each. */
final class CorpusFiles {
    private static final Pattern JOB_COUNT = Pattern.compile("VALID\\((\\d+) jobs after trigger expansion\\)");

    /**
     * One corpus file.
     *
     * @param path          the file
     * @param valid         INDEX.tsv says Packit loads it
     * @param expectedJobs  jobs after trigger expansion per INDEX.tsv (-1 when invalid)
     * @param packitVerdict the INDEX.tsv {@code packit_HEAD_schema_check} column
     */
    record Entry(Path path, boolean valid, int expectedJobs, String packitVerdict) {
        @Override
        public String toString() {
            return path.getFileName().toString();
        }
    }

    private CorpusFiles() {
    }

    static Path directory() {
        return SharedCorpus.directory();
    }

    /** Every corpus file listed in INDEX.tsv that is present in the folder. */
    static List<Entry> all() {
        var entries = new ArrayList<Entry>();
        try {
            var lines = Files.readAllLines(directory().resolve("INDEX.tsv"), StandardCharsets.UTF_8);
            var header = List.of(lines.get(0).split("\t"));
            int verdictColumn = header.indexOf("packit_HEAD_schema_check");
            for (var line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                var columns = line.split("\t");
                var path = directory().resolve(columns[0]);
                if (!Files.isRegularFile(path)) {
                    continue;
                }
                var verdict = columns[verdictColumn];
                var count = JOB_COUNT.matcher(verdict);
                boolean valid = verdict.startsWith("VALID");
                entries.add(new Entry(path, valid, valid && count.find() ? Integer.parseInt(count.group(1)) : -1, verdict));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read corpus index in " + directory(), unreadable);
        }
        return entries;
    }

    /** Every YAML file in the corpus folder (INDEX.tsv or not). */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(path -> path.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot list corpus " + directory(), unreadable);
        }
    }

    /** The largest corpus file. */
    static Path largest() {
        return yamlFiles().stream().max(java.util.Comparator.comparingLong(CorpusFiles::size)).orElseThrow();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot stat " + path, unreadable);
        }
    }
}
