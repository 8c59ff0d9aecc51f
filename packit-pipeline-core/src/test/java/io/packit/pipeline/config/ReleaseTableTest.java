package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReleaseTableTest {
    private static final ReleaseTable TABLE = ReleaseTable.parse("releases.txt", """
            date 2026-01-10
            fedora 43 f43 stable
            fedora rawhide rawhide development
            """);

    @Test
    void shouldNotWarnWhileTheTableIsRecent() {
        assertThat(TABLE.staleness(LocalDate.of(2026, 7, 9))).isEmpty();
    }

    @Test
    void shouldWarnOnceTheTableIsOlderThanHalfAYear() {
        assertThat(TABLE.staleness(LocalDate.of(2026, 7, 10)))
                .contains("the release table releases.txt dated 2026-01-10 is 181 days old: aliases such as fedora-all "
                        + "may name ended releases and miss new ones; pass --release-table FILE written by "
                        + "'packit-pipeline release-table', or --bodhi-url URL");
    }

    @Test
    void shouldJudgeTheBundledTableByItsOwnDate() {
        var bundled = ReleaseTable.bundled();

        assertThat(bundled.staleness(bundled.date())).isEmpty();
        assertThat(bundled.staleness(bundled.date().plusDays(ReleaseTable.STALE_AFTER_DAYS + 1))).isPresent();
    }
}
