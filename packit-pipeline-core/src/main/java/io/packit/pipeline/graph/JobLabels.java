package io.packit.pipeline.graph;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.TestsJob;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job part of the node ids of one package's jobs: per view its label, and for tests views the label of the
 * build the planner adds when they have no copr_build job.
 *
 * @param label          view → its label
 * @param implicitBuild  tests view → the label of its implicit build
 */
record JobLabels(Map<JobView, String> label, Map<JobView, String> implicitBuild) {
    /**
     * The id part of every view of one package: {@link JobView#label()} made id-safe; when two jobs of the same
     * type would share it, the later gets the trigger appended when the earlier has another trigger and the label is
     * an identifier ({@code "a | b"}), else its {@code branch} when the earlier has another one (an identifier may
     * repeat across branches), else its job index. Computed over all views, not just the planned ones, so ids do not
     * depend on the event.
     */
    static JobLabels of(List<JobView> views) {
        var labels = new IdentityHashMap<JobView, String>();
        var holders = new HashMap<String, JobView>();
        for (var view : views) {
            var group = view.job().key() + ":";
            var base = IdParts.safe(view.label());
            var label = base;
            var holder = holders.get(group + label);
            if (holder != null) {
                var branch = view.settings().branch();
                String apart = null;
                if (!view.job().identifier().isEmpty() && holder.job().trigger() != view.job().trigger()) {
                    apart = IdParts.safe(base + "-" + view.job().trigger().key());
                } else if (!branch.isEmpty() && !branch.equals(holder.settings().branch())) {
                    apart = IdParts.safe(base + "-" + branch);
                }
                label = apart != null && !holders.containsKey(group + apart) ? apart : IdParts.safe(base + "-" + view.job().index());
            }
            holders.putIfAbsent(group + label, view);
            labels.put(view, label);
        }
        // An implicit build takes its tests job's label, unless a real copr_build job of the package has it.
        var implicit = new IdentityHashMap<JobView, String>();
        for (var view : views) {
            if (view.job() instanceof TestsJob) {
                var label = labels.get(view);
                implicit.put(view, holders.containsKey(CoprBuildJob.KEY + ":" + label) ? IdParts.safe(label + "-implicit") : label);
            }
        }
        return new JobLabels(labels, implicit);
    }
}
