package io.packit.pipeline.engine;

import io.packit.pipeline.render.JenkinsfileRenderer;

/** An import the package diagram forbids (engine → render), for the test that shows the diagram rule bites. */
final class EngineImportingTheRenderer {
    private EngineImportingTheRenderer() {
    }

    static String rendererName() {
        return new JenkinsfileRenderer().getClass().getSimpleName();
    }
}
