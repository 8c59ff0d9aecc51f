/**
 * Shared OkHttp plumbing: API errors, retries with backoff, secrets kept out of messages.
 */
package io.packit.pipeline.http;
