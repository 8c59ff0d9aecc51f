package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.diag.SourcePosition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void shouldAcceptUtf8TextWithOrWithoutItsByteOrderMark() {
        var text = "name: caf\u00e9 \ud83d\ude00\n".getBytes(StandardCharsets.UTF_8);
        var withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        assertThat(Utf8Text.firstBadByte("f", text)).isEmpty();
        assertThat(Utf8Text.firstBadByte("f", withBom)).isEmpty();
        assertThat(Utf8Text.firstBadByte("f", new byte[0])).isEmpty();
    }

    @Test
    void shouldPlaceTheFirstBadByteCountingCharactersAndEveryKindOfLineBreak() {
        // line 1 ends in CR LF, line 2 in CR, line 3 in LF; line 4 holds a two-byte and a four-byte character first
        var good = "a: 1\r\nb: 2\rc: 3\n\u00e9\ud83d\ude00x".getBytes(StandardCharsets.UTF_8);
        var content = new byte[good.length + 2];
        System.arraycopy(good, 0, content, 0, good.length);
        content[good.length] = (byte) 0xC3; // a lead byte
        content[good.length + 1] = '!'; // that no continuation byte follows

        var bad = Utf8Text.firstBadByte("f", content).orElseThrow();

        assertThat(bad.position()).isEqualTo(new SourcePosition("f", 4, 4));
        assertThat(bad.bad()).isEqualTo(0xC3);
        assertThat(bad.binary()).isFalse();
        assertThat(bad.message()).isEqualTo("not UTF-8 text: byte 0xC3 is not valid UTF-8 here; save the file as UTF-8, "
                + "as Packit reads it");
    }

    @Test
    void shouldCountAByteOrderMarkAsNoColumnAndCallAFileWithNulBytesBinary() {
        var bad = Utf8Text.firstBadByte("f", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xFF, 0})
                .orElseThrow();

        assertThat(bad.position()).isEqualTo(new SourcePosition("f", 1, 2));
        assertThat(bad.binary()).isTrue();
        assertThat(bad.message()).endsWith("; this is a binary file, not a packit.yaml");
    }

    @Test
    void shouldLeaveUtf16WithItsByteOrderMarkToTheYamlReader() {
        var utf16 = "a: 1\n".getBytes(StandardCharsets.UTF_16);

        assertThat(Utf8Text.firstBadByte("f", utf16)).isEmpty();
        assertThat(new PackitConfigLoader().load("f", ("specfile_path: a.spec\njobs: []\n")
                .getBytes(StandardCharsets.UTF_16)).isValid()).isTrue();
    }
}
