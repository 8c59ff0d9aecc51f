package io.packit.pipeline.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file a run rewrites while it goes (its state, its page): each write goes to a temporary file in the same
 * directory, is forced to disk, then moved over the old file with {@code ATOMIC_MOVE}, so a reader (or a crash)
 * sees the previous complete file or the new one, never half of one.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes {@code bytes} to {@code path} atomically.
     *
     * @param what names the file in the error ({@code the run state})
     * @throws UncheckedIOException when it cannot be written
     */
    public static void write(Path path, byte[] bytes, String what) {
        var absolute = path.toAbsolutePath();
        var dir = absolute.getParent();
        if (dir == null) {
            throw new IllegalArgumentException(what + " " + path + " needs a directory to live in");
        }
        try {
            Files.createDirectories(dir);
            var temp = Files.createTempFile(dir, absolute.getFileName() + ".", ".tmp");
            try {
                try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    var buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " to " + path + ": " + e.getMessage(), e);
        }
    }
}
