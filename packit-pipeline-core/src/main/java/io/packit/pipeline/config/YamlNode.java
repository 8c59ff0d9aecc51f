package io.packit.pipeline.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.diag.SourcePosition;

/**
 * A YAML node as read from packit.yaml, with where it was written. Aliases share the node they name;
 * merge keys ({@code <<:}) are already expanded.
 */
sealed interface YamlNode permits YamlScalar, YamlMapping, YamlSequence {
    /** Where the node starts. */
    SourcePosition position();

    /** Nodes in this subtree, counting shared (aliased) nodes every time they occur; saturates. */
    long size();

    /** What the node is, for messages: {@code a mapping}, {@code a list}, {@code string 'x'}, {@code null}. */
    String describe();

    /** The node as a plain Java value: String, Boolean, Long, BigInteger, Double, null, List, Map. */
    @CheckForNull
    Object toPlain();
}
