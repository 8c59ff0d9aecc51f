/**
 * The packit.yaml model (records), its loader and validator, and target aliases. The only package that reads YAML.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.config;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
