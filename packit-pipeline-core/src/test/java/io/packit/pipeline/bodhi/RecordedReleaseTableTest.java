package io.packit.pipeline.bodhi;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.config.ReleaseTable;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.VirtualSleeper;
import io.packit.pipeline.http.fake.Fault;
import io.packit.pipeline.render.RuntimePipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table a build records: the same chroots after a resume whatever Bodhi says then, and what the log says. */
class RecordedReleaseTableTest {
    private static final Instant READ_AT = Instant.parse("2027-02-20T09:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 2, 20);
    private static final String CONFIG = """
            specfile_path: hello.spec
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-stable]
            """;

    @TempDir
    Path cache;

    private final FakeBodhi bodhi = new FakeBodhi(BodhiFixtures.steady());

    @AfterEach
    void stop() {
        bodhi.close();
    }

    @Test
    void shouldResolveTheSameChrootsFromTheRecordAfterBodhiHasMovedOn() {
        var resolved = source().resolve(null);
        var record = RecordedReleaseTable.of(resolved);
        bodhi.releases(BodhiFixtures.branching());
        var now = source(READ_AT.plus(ReleaseTableSource.CACHE_LIFETIME)).resolve(null);

        assertThat(chroots(now.table())).isNotEqualTo(chroots(resolved.table()));
        assertThat(chroots(record.table())).isEqualTo(chroots(resolved.table())).isNotEmpty();
        assertThat(record.table().releases()).isEqualTo(resolved.table().releases());
        assertThat(record.table().source()).isEqualTo(resolved.table().source());
        assertThat(record.table().date()).isEqualTo(resolved.table().date());
        assertThat(record).extracting(RecordedReleaseTable::origin, RecordedReleaseTable::date)
                .containsExactly("bodhi", "2027-02-20");
    }

    @Test
    void shouldSayWhichTableWithoutAWarningWhenBodhiAnswered() {
        var lines = RecordedReleaseTable.logLines(source().resolve(null), TODAY);

        assertThat(lines).containsExactly("target aliases resolved with Bodhi " + bodhi.url()
                + ", read 2027-02-20T09:30:00Z, dated 2027-02-20 (bodhi)");
    }

    @Test
    void shouldWarnOfTheOfflineFallbackAndOfTheShippedTablesAge() {
        for (var i = 0; i < 10; i++) {
            bodhi.inject(Fault.status(503));
        }

        var resolved = source().resolve(null);
        var lines = RecordedReleaseTable.logLines(resolved, TODAY);

        var shipped = ReleaseTable.bundled();
        assertThat(resolved.origin()).isEqualTo(ResolvedReleaseTable.Origin.BUNDLED);
        assertThat(lines.get(0)).isEqualTo("target aliases resolved with " + shipped.source() + ", dated "
                + shipped.date() + " (bundled)");
        assertThat(lines.get(1)).startsWith("WARNING: Bodhi failed, target aliases fall back: ");
        assertThat(lines).contains("WARNING: offline fallback: the release table shipped with packit-pipeline is used");
        assertThat(lines.get(lines.size() - 1)).startsWith("WARNING: that table is ").endsWith(" days old: aliases"
                + " such as fedora-all may name ended releases and miss new ones");
    }

    @Test
    void shouldWarnWhenOnlyBodhisExpiredAnswerIsLeft() {
        source().resolve(null);
        for (var i = 0; i < 10; i++) {
            bodhi.inject(Fault.status(503));
        }

        var lines = RecordedReleaseTable.logLines(source(READ_AT.plus(ReleaseTableSource.CACHE_LIFETIME)).resolve(null),
                TODAY);

        assertThat(lines.get(0)).endsWith("(bodhi-cache-expired)");
        assertThat(lines).contains("WARNING: offline fallback: Bodhi's last answer, older than 12 hours, is used");
    }

    private ReleaseTableSource source() {
        return source(READ_AT);
    }

    private ReleaseTableSource source(Instant now) {
        var client = new BodhiClient(new OkHttpClient(), bodhi.url(), RetryPolicy.standard(), new VirtualSleeper());
        return new ReleaseTableSource(client, cache, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static java.util.List<String> chroots(ReleaseTable table) {
        var config = RuntimePipeline.load("packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8), "hello", table);
        return RuntimePipeline.planFor(config).nodes().stream().flatMap(node -> node.chroots().stream()).distinct()
                .sorted().toList();
    }
}
