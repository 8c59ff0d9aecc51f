/**
 * Renderers of a plan: the declarative Jenkinsfile and the pictures (Mermaid, DOT, HTML).
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.render;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
