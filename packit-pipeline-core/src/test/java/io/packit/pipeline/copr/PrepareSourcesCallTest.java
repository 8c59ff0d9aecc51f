package io.packit.pipeline.copr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading back the package, commit and job of a build from the script {@link BuildSource.CustomScript} writes. */
class PrepareSourcesCallTest {
    @Test
    void shouldReadBackWhatTheScriptWasWrittenWithEvenWhenValuesNeedQuoting() {
        var pr = BuildSource.CustomScript.packitPrepareSources("https://github.com/acme/mono", "9f1c2e7d", "it's lib",
                7, "main; rm -rf /", true, 2, List.of(), null);
        var commit = BuildSource.CustomScript.packitPrepareSources("https://github.com/acme/mono", "1a2b3c", null,
                null, null, false, 0, List.of(), null);

        assertThat(PrepareSourcesCall.read(pr.script())).hasValue(new PrepareSourcesCall("it's lib", "9f1c2e7d", 2, 7));
        assertThat(PrepareSourcesCall.read(commit.script())).hasValue(new PrepareSourcesCall(null, "1a2b3c", 0, null));
    }

    @Test
    void shouldFindNothingInScriptsOfOtherMakers() {
        assertThat(PrepareSourcesCall.read("#!/bin/sh\nmake srpm\n")).isEmpty();
        assertThat(PrepareSourcesCall.read("#!/bin/sh\n# packit prepare-sources --ref x --job-config-index 1\n")).isEmpty();
        assertThat(PrepareSourcesCall.read("packit -d prepare-sources --ref abc .\n")).isEmpty();
        assertThat(PrepareSourcesCall.read("packit prepare-sources --ref abc --job-config-index one .\n")).isEmpty();
    }

    @Test
    void shouldSplitWordsAsAPosixShellDoes() {
        assertThat(PrepareSourcesCall.words("a 'b c' \"d \\\"e\\\"\" f\\ g 'h'\"'\"'i'  # j"))
                .containsExactly("a", "b c", "d \"e\"", "f g", "h'i");
    }
}
