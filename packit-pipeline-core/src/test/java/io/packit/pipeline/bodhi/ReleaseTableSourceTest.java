package io.packit.pipeline.bodhi;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.bodhi.ResolvedReleaseTable.Origin;
import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.config.ReleaseTable;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.VirtualSleeper;
import io.packit.pipeline.http.fake.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of sources and the 12-hour cache, against the fake Bodhi. */
class ReleaseTableSourceTest {
    private static final Instant READ_AT = Instant.parse("2027-02-20T09:30:00Z");
    private static final ReleaseTable FILE = ReleaseTable.parse("mine.txt", """
            date 2027-01-05
            fedora 45 f45 stable
            fedora rawhide rawhide development
            """);

    @TempDir
    Path cache;

    private final FakeBodhi bodhi = new FakeBodhi(BodhiFixtures.steady());
    private final BodhiClient client = new BodhiClient(new OkHttpClient(), bodhi.url(), RetryPolicy.standard(),
            new VirtualSleeper());

    @AfterEach
    void stop() {
        bodhi.close();
    }

    @Test
    void shouldAskBodhiAndKeepItsAnswerTwelveHours() throws IOException {
        var first = at(READ_AT).resolve(FILE);

        assertThat(first.origin()).isEqualTo(Origin.BODHI);
        assertThat(first.warnings()).isEmpty();
        assertThat(first.table().source()).isEqualTo("Bodhi " + bodhi.url() + ", read 2027-02-20T09:30:00Z");
        assertThat(bodhi.requests()).hasSize(1);
        var cacheFile = at(READ_AT).cacheFile();
        assertThat(cacheFile.getParent()).isEqualTo(cache);
        assertThat(Files.getLastModifiedTime(cacheFile).toInstant()).isEqualTo(READ_AT);
        assertThat(Files.readString(cacheFile)).startsWith("# Bodhi's releases as read from " + bodhi.url())
                .contains("date 2027-02-20\nfedora 44 f44 stable\n");

        var later = at(READ_AT.plus(Duration.ofHours(11).plusMinutes(59))).resolve(FILE);

        assertThat(later.origin()).isEqualTo(Origin.BODHI_CACHE);
        assertThat(later.table().releases()).isEqualTo(first.table().releases());
        assertThat(later.table().source()).isEqualTo("Bodhi " + bodhi.url() + ", read 2027-02-20T09:30:00Z (cached in "
                + cacheFile + ")");
        assertThat(bodhi.requests()).hasSize(1);
    }

    @Test
    void shouldAskBodhiAgainOnceTheCacheIsTwelveHoursOld() throws IOException {
        at(READ_AT).resolve(null);
        bodhi.releases(BodhiFixtures.branching());
        var expiry = READ_AT.plus(ReleaseTableSource.CACHE_LIFETIME);

        var again = at(expiry).resolve(null);

        assertThat(again.origin()).isEqualTo(Origin.BODHI);
        assertThat(bodhi.requests()).hasSize(2);
        assertThat(again.table().releasesOf("fedora")).extracting(release -> release.version())
                .containsExactly("45", "46", "47", "rawhide");
        assertThat(Files.getLastModifiedTime(at(expiry).cacheFile()).toInstant()).isEqualTo(expiry);
        assertThat(at(expiry.plusSeconds(60)).resolve(null).origin()).isEqualTo(Origin.BODHI_CACHE);
        assertThat(bodhi.requests()).hasSize(2);
    }

    @Test
    void shouldFallBackToTheFileWhenBodhiFailsAndKeepTheCacheAsItWas() throws IOException {
        at(READ_AT).resolve(null);
        var cacheFile = at(READ_AT).cacheFile();
        var cached = Files.readString(cacheFile);
        for (int i = 0; i < 4; i++) {
            bodhi.inject(Fault.status(502));
        }

        var resolved = at(READ_AT.plus(Duration.ofDays(2))).resolve(FILE);

        assertThat(resolved.origin()).isEqualTo(Origin.FILE);
        assertThat(resolved.table()).isSameAs(FILE);
        assertThat(resolved.warnings()).singleElement().asString().startsWith("Bodhi failed, target aliases fall back: "
                + "GET " + bodhi.url() + "/releases/?state=current%2Cpending%2Cfrozen&page=1 → HTTP 502 Bad Gateway");
        assertThat(Files.readString(cacheFile)).isEqualTo(cached);
        assertThat(Files.getLastModifiedTime(cacheFile).toInstant()).isEqualTo(READ_AT);
    }

    @Test
    void shouldFallBackToTheExpiredCacheWithoutAFileThenToTheShippedTable() {
        at(READ_AT).resolve(null);
        bodhi.inject(Fault.of(Fault.Kind.MALFORMED_JSON));

        var expired = at(READ_AT.plus(Duration.ofDays(40))).resolve(null);

        assertThat(expired.origin()).isEqualTo(Origin.BODHI_CACHE_EXPIRED);
        assertThat(expired.table().source()).endsWith(", older than 12 h)");
        assertThat(expired.table().date()).isEqualTo(java.time.LocalDate.of(2027, 2, 20));
        assertThat(expired.warnings()).singleElement().asString().contains("malformed JSON in response");

        bodhi.close();
        var elsewhere = new ReleaseTableSource(client, cache.resolve("other"), Clock.fixed(READ_AT, ZoneOffset.UTC));
        var bundled = elsewhere.resolve(null);

        assertThat(bundled.origin()).isEqualTo(Origin.BUNDLED);
        assertThat(bundled.table().source()).isEqualTo(ReleaseTable.bundled().source());
        assertThat(bundled.warnings()).singleElement().asString().contains("→ no response: ");
    }

    @Test
    void shouldAskBodhiWhenTheCacheIsDamaged() throws IOException {
        var source = at(READ_AT);
        Files.writeString(source.cacheFile(), "date yesterday\n");

        assertThat(source.resolve(null).origin()).isEqualTo(Origin.BODHI);
        assertThat(ReleaseTable.load(source.cacheFile()).releasesOf("fedora")).hasSize(4);
    }

    @Test
    void shouldKeepOneCacheFilePerBodhi() {
        var other = new BodhiClient(new OkHttpClient(), bodhi.url() + "/staging", RetryPolicy.none(),
                new VirtualSleeper());

        assertThat(new ReleaseTableSource(other, cache, Clock.systemUTC()).cacheFile())
                .isNotEqualTo(at(READ_AT).cacheFile());
        assertThat(at(READ_AT).cacheFile().getFileName().toString()).matches("bodhi-releases-[0-9a-f]{16}\\.txt");
    }

    private ReleaseTableSource at(Instant now) {
        return new ReleaseTableSource(client, cache, Clock.fixed(now, ZoneOffset.UTC));
    }
}
