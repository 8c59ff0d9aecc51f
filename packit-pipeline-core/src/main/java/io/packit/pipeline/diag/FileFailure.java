package io.packit.pipeline.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why reading or writing a file failed, in the words of the system's own error ({@code no such file or directory},
 * {@code permission denied}, {@code too many levels of symbolic links}, ...) rather than as a Java exception's
 * message, which repeats the path and sometimes guesses ("... or unable to access attributes of symbolic link").
 */
public final class FileFailure {
    private static final String LOOP = "too many levels of symbolic links";

    private FileFailure() {
    }

    /** The cause of {@code failure}, lower case, without the path: e.g. {@code permission denied}. */
    public static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (failure instanceof FileSystemLoopException) {
            return LOOP;
        }
        if (failure instanceof FileSystemException system && system.getReason() != null) {
            var reason = system.getReason().strip();
            // the JDK adds a guess to ELOOP's text; the system's own error is the first part
            if (reason.toLowerCase(Locale.ROOT).startsWith(LOOP)) {
                return LOOP;
            }
            return reason.isEmpty() ? failure.getClass().getSimpleName() : lowerFirst(reason);
        }
        var message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip();
    }

    private static String lowerFirst(String text) {
        return text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }
}
