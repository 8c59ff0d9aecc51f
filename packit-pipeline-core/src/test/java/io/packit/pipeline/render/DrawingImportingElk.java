package io.packit.pipeline.render;

import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/** An import the package diagram forbids (a drawing → ELK: only render.layout sees it), for the test that shows it. */
final class DrawingImportingElk {
    private DrawingImportingElk() {
    }

    static ElkNode graph() {
        return ElkGraphUtil.createGraph();
    }
}
