package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a file's bytes are UTF-8 text, as Packit reads {@code .packit.yaml}, and where the first byte that is not
 * lies: its line and column (1-based, columns counted in characters) and the byte itself. A file that starts with a
 * UTF-16 or UTF-32 byte order mark is left to the YAML reader, which decodes it by that mark.
 *
 * @param position where the first bad byte is
 * @param bad      that byte, 0-255
 * @param binary   whether the file's first 8000 bytes hold a NUL byte, as git judges a file binary (rather than text in
 *                 another encoding)
 */
record Utf8Text(SourcePosition position, int bad, boolean binary) {
    private static final int BOM_LENGTH = 3;
    private static final int BINARY_PROBE = 8000;

    /** The first byte of {@code content} that is not UTF-8, or empty when {@code content} is UTF-8 text. */
    static Optional<Utf8Text> firstBadByte(String file, byte[] content) {
        if (startsWithOtherBom(content)) {
            return Optional.empty();
        }
        var start = content.length >= BOM_LENGTH && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? BOM_LENGTH : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(content, start, content.length - start);
        var out = CharBuffer.allocate(content.length);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
            if (!result.isError()) {
                return Optional.empty();
            }
        }
        int offset = in.position();
        out.flip();
        return Optional.of(new Utf8Text(positionAfter(file, out), content[offset] & 0xFF, hasNul(content)));
    }

    /** The problem's message, e.g. {@code not UTF-8 text: byte 0xE9 is not valid UTF-8 here; save the file as UTF-8}. */
    String message() {
        return "not UTF-8 text: byte 0x%02X is not valid UTF-8 here; %s".formatted(bad,
                binary ? "this is a binary file, not a packit.yaml" : "save the file as UTF-8, as Packit reads it");
    }

    /** The position just after {@code text}: YAML's line breaks are LF, CR LF and CR. */
    private static SourcePosition positionAfter(String file, CharSequence text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new SourcePosition(file, line, column);
    }

    private static boolean startsWithOtherBom(byte[] content) {
        if (content.length < 2) {
            return false;
        }
        int first = content[0] & 0xFF;
        int second = content[1] & 0xFF;
        return first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE
                || content.length >= 4 && first == 0 && second == 0 && (content[2] & 0xFF) == 0xFE && (content[3] & 0xFF) == 0xFF;
    }

    private static boolean hasNul(byte[] content) {
        for (int i = 0; i < Math.min(content.length, BINARY_PROBE); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
