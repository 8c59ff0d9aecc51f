/**
 * Bodhi's releases API, read the way Packit reads it, turned into the release table that target aliases resolve
 * against: {@link io.packit.pipeline.bodhi.BodhiClient} (every page of {@code GET /releases/}),
 * {@link io.packit.pipeline.bodhi.BodhiReleaseTable} (which release is stable, in development, Rawhide, which EPEL
 * minor leads) and {@link io.packit.pipeline.bodhi.ReleaseTableSource} (a 12-hour disk cache and the fallbacks).
 */
package io.packit.pipeline.bodhi;
