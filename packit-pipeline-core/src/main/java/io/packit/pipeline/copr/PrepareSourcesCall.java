package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a custom-method build was made from, read back from the {@code packit prepare-sources} line of its script
 * ({@link BuildSource.CustomScript#packitPrepareSources} writes it): the package, the commit, the job. This is how a
 * run finds the builds of a package and job at a commit in a Copr project, as Packit finds them by owner, project,
 * commit and chroot.
 *
 * @param packageName    the monorepo package ({@code -p}), null for a single package
 * @param ref            the commit ({@code --ref})
 * @param jobConfigIndex the job's index in {@code jobs} ({@code --job-config-index})
 * @param prId           the pull request ({@code --pr-id}), null for commits and releases
 */
public record PrepareSourcesCall(@CheckForNull String packageName, String ref, int jobConfigIndex,
        @CheckForNull Integer prId) {
    public PrepareSourcesCall {
        Objects.requireNonNull(ref, "ref");
    }

    /**
     * Reads the first {@code packit … prepare-sources …} command of {@code script}.
     *
     * @param script a custom build's script
     * @return the call, empty when the script has none, or one without {@code --ref} or {@code --job-config-index}
     */
    public static Optional<PrepareSourcesCall> read(String script) {
        for (var line : script.split("\n", -1)) {
            var words = words(line);
            if (words.isEmpty() || !words.get(0).equals("packit") || !words.contains("prepare-sources")) {
                continue;
            }
            String pkg = null;
            String ref = null;
            Integer index = null;
            Integer prId = null;
            for (int i = 1; i + 1 < words.size(); i++) {
                var value = words.get(i + 1);
                switch (words.get(i)) {
                    case "-p":
                    case "--package":
                        pkg = value;
                        break;
                    case "--ref":
                        ref = value;
                        break;
                    case "--job-config-index":
                        index = integer(value);
                        break;
                    case "--pr-id":
                        prId = integer(value);
                        break;
                    default:
                        break;
                }
            }
            return ref == null || index == null ? Optional.empty()
                    : Optional.of(new PrepareSourcesCall(pkg, ref, index, prId));
        }
        return Optional.empty();
    }

    @CheckForNull
    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The words of a POSIX shell line: blanks separate, quotes and backslashes quote ({@code 'a'"'"'b'} is one word). */
    static List<String> words(String line) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? line.length() : end;
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    word.append(line.charAt(i++));
                }
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
