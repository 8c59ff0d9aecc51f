/**
 * Renderers of a plan: the declarative Jenkinsfile and the pictures (Mermaid, DOT, HTML).
 */
package io.packit.pipeline.render;
