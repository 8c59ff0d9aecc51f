package io.packit.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a config file lies in its repository, as a build's checkout has it: the path from the root of the Git work
 * tree that holds it ({@code examples/monorepo-depends/packit.yaml}, {@code .packit.yaml}), whatever directory
 * {@code packit-pipeline} was run from and however the file was named on the command line. What a rendered
 * Jenkinsfile's {@code PACKIT_CONFIG} must say, since its steps read that path from the build's revision.
 */
final class RepositoryPath {
    private RepositoryPath() {
    }

    /**
     * The path of {@code configFile} from the root of its Git work tree (the nearest directory above it with a
     * {@code .git} directory or file, as a worktree or submodule has); outside any work tree, its file name (Packit
     * reads the config at a repository's root).
     */
    static String of(Path configFile) {
        var file = configFile.toAbsolutePath().normalize();
        for (var dir = file.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir.relativize(file).toString().replace('\\', '/');
            }
        }
        return String.valueOf(file.getFileName());
    }
}
