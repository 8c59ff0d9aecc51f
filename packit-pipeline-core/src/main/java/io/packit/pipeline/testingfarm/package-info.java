/**
 * Testing Farm API client: request building, submit, wait, cancel, and xunit to JUnit conversion.
 */
package io.packit.pipeline.testingfarm;
