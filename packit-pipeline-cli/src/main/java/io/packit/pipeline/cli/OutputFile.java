package io.packit.pipeline.cli;

import io.packit.pipeline.diag.FileFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file a command writes ({@code -o}, {@code --junit}, {@code --state}): checked before the work starts, written
 * whole or not at all (a temporary file in the same directory, moved over the target), and on failure one line
 * naming the cause: the directory that does not exist, the path that is not a directory, the permission denied.
 * Every such failure ends the command with {@link ExitCode#FAILURE}.
 */
final class OutputFile {
    private OutputFile() {
    }

    /** Fails unless {@code file} can be created or replaced: its directory exists, is a directory, is writable. */
    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw failed(file, file + " is a directory");
        }
        var directory = directoryOf(file);
        if (!Files.exists(directory)) {
            throw failed(file, "directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw failed(file, directory + " is not a directory");
        }
        if (!Files.isWritable(directory)) {
            throw failed(file, "permission denied to create files in " + directory);
        }
    }

    /** Writes {@code text} to {@code file} whole, replacing it; a failure leaves the old file as it was. */
    static void write(Path file, String text) {
        check(file);
        var directory = directoryOf(file);
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException failure) {
            throw cannotWrite(file, failure);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Makes directory {@code directory} (and its parents) for files to be written into, failing with the first
     * part of the path that is not a directory or cannot be made.
     */
    static void directory(Path directory) {
        if (Files.isDirectory(directory)) {
            if (!Files.isWritable(directory)) {
                throw new CommandFailedException(ExitCode.FAILURE, "cannot write into " + directory
                        + ": permission denied to create files in it");
            }
            return;
        }
        var existing = directory.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new CommandFailedException(ExitCode.FAILURE, "cannot create directory " + directory + ": "
                    + (existing.equals(directory.toAbsolutePath().normalize()) ? directory : existing)
                    + " is not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new CommandFailedException(ExitCode.FAILURE, "cannot create directory " + directory + ": "
                    + FileFailure.reason(failure) + (existing == null ? "" : " in " + existing), failure);
        }
    }

    /**
     * The failure of writing {@code file} through a temporary file in its directory (as here, and as the run's state
     * file and the release table are written): a denied permission is the directory's.
     */
    static CommandFailedException cannotWrite(Path file, IOException failure) {
        var why = failure instanceof AccessDeniedException ? "permission denied to create files in " + directoryOf(file)
                : FileFailure.reason(failure);
        return new CommandFailedException(ExitCode.FAILURE, "cannot write " + file + ": " + why, failure);
    }

    private static Path directoryOf(Path file) {
        var parent = file.getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static CommandFailedException failed(Path file, String why) {
        return new CommandFailedException(ExitCode.FAILURE, "cannot write " + file + ": " + why);
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the temporary file is hidden and named for its target; the failure that matters is already reported
        }
    }
}
