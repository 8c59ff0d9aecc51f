package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Version specifier sets as PEP 440 defines them; the expectations are what packaging's SpecifierSet says of each. */
class VersionSpecifiersTest {
    @Test
    void shouldTakeTheSpecifierSetsPep440Defines() {
        for (var valid : new String[] {"", " ", ">=1.0", ">=1.0,<2", ">=1.0, ,<2", "==1.0.*", "~=1.4.5", "==1.0+local",
            "== 1.0", "===foo", ">1.0.post1", "<=v1!2.0rc1.dev3", "!=2.0", ">=1.2, <2"}) {
            assertThat(VersionSpecifiers.isValid(valid)).as(valid).isTrue();
        }
    }

    @Test
    void shouldRefuseWhatPep440DoesNotDefine() {
        for (var invalid : new String[] {"latest", "~=1", ">=1.0+local", "!=1.0a1.*", "1.0", ">=", "=>1.0", ">=1.0;<2"}) {
            assertThat(VersionSpecifiers.isValid(invalid)).as(invalid).isFalse();
        }
    }
}
