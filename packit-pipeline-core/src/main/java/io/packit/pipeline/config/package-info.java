/**
 * The packit.yaml model (records), its loader and validator, and target aliases. The only package that reads YAML.
 */
package io.packit.pipeline.config;
