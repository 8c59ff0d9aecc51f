/**
 * Shared OkHttp plumbing: API errors, retries with backoff, secrets kept out of messages.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.http;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
