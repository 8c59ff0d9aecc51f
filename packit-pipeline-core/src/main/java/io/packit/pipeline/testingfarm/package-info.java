/**
 * Testing Farm API client: request building, submit, wait, cancel, and xunit to JUnit conversion.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
