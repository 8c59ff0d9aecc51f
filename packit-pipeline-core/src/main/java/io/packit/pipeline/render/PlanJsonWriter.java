package io.packit.pipeline.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A plan as JSON for machines: the event, every node (id, kind, package, job, chroots, test target, whether it
 * runs and why not, which existing Copr builds a build may reuse, its run condition, what it needs), every edge,
 * the critical path and the dependency repos.
 * Keys are snake_case; order is fixed, so the output is deterministic.
 */
public final class PlanJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Renders {@code plan}, pretty-printed, ending with a newline. */
    public String render(Plan plan) {
        var text = new StringWriter();
        try (var json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            write(json, plan);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing plan JSON for " + plan.config().file(), impossible);
        }
        return text + "\n";
    }

    private static void write(JsonGenerator json, Plan plan) throws IOException {
        json.writeStartObject();
        json.writeStringField("config", plan.config().file());
        json.writeStringField("digest", plan.config().digest());
        writeEvent(json, plan.event());
        json.writeArrayFieldStart("nodes");
        for (var node : plan.nodes()) {
            json.writeStartObject();
            json.writeStringField("id", node.id().toString());
            json.writeStringField("kind", node.kind().key());
            json.writeStringField("package", node.view().packageName());
            json.writeStringField("job", node.id().job());
            if (!node.id().member().isEmpty()) {
                json.writeStringField("member", node.id().member());
            }
            json.writeStringField("job_type", node.view().job().key());
            json.writeStringField("job_path", node.view().job().path());
            strings(json, "chroots", node.chroots());
            if (node.chrootsAtRunTime()) {
                json.writeBooleanField("chroots_at_run_time", true);
            }
            if (!node.testTarget().isEmpty()) {
                json.writeStringField("test_target", node.testTarget());
            }
            json.writeBooleanField("implicit", node.implicit());
            json.writeBooleanField("runs", node.runs());
            if (!node.runs()) {
                json.writeStringField("skip_reason", node.skipReason());
            }
            if (node.kind() == NodeKind.SRPM || node.kind() == NodeKind.COPR_BUILD) {
                json.writeStringField("reuse", node.reuse().key());
            }
            var condition = node.condition();
            json.writeObjectFieldStart("condition");
            json.writeStringField("trigger", condition.trigger().key());
            json.writeStringField("branch", condition.branchRegex());
            json.writeStringField("tag_include", condition.tagInclude());
            json.writeStringField("tag_exclude", condition.tagExclude());
            json.writeBooleanField("manual", condition.manual());
            strings(json, "labels_present", condition.labels().present());
            strings(json, "labels_absent", condition.labels().absent());
            strings(json, "packit_instances", condition.packitInstances());
            json.writeEndObject();
            strings(json, "needs", plan.needsOf(node.id()).stream().map(Edge::need).toList());
            if (Plan.isSideTagRelease(node.id())) {
                strings(json, "release_group", plan.releaseGroupOf(node.id()));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("edges");
        for (var edge : plan.edges()) {
            json.writeStartObject();
            json.writeStringField("from", edge.from().toString());
            json.writeStringField("to", edge.to().toString());
            json.writeStringField("kind", edge.kind().key());
            json.writeStringField("chroot", edge.chroot());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("critical_path");
        json.writeNumberField("seconds", plan.criticalPath().length().toSeconds());
        strings(json, "nodes", plan.criticalPath().nodes().stream().map(Object::toString).toList());
        json.writeEndObject();
        json.writeArrayFieldStart("dependency_repos");
        for (var repo : plan.dependencyRepos()) {
            json.writeStartObject();
            json.writeStringField("build", repo.build().toString());
            json.writeStringField("dependency", repo.dependency().toString());
            json.writeStringField("access", repo.access().key());
            json.writeStringField("repo", repo.repo());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeEvent(JsonGenerator json, Event event) throws IOException {
        json.writeObjectFieldStart("event");
        if (event instanceof Event.PullRequest pr) {
            json.writeStringField("kind", "pull_request");
            json.writeStringField("target_branch", pr.targetBranch());
            json.writeNumberField("id", pr.id());
            strings(json, "labels", pr.labels());
        } else if (event instanceof Event.Commit commit) {
            json.writeStringField("kind", "commit");
            json.writeStringField("branch", commit.branch());
        } else if (event instanceof Event.Release release) {
            json.writeStringField("kind", "release");
            json.writeStringField("tag", release.tag());
        } else {
            json.writeStringField("kind", "all");
        }
        strings(json, "changed_paths", event.changedPaths());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (var value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
