package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Run;
import io.packit.pipeline.report.RunPage;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * "Packit" in the side panel of every build that runs packit steps (a build with a {@link PackitRunAction}): the
 * core's page of the run ({@link RunPage}), the job graph with every node's state, times, reasons and Copr and
 * Testing Farm links, reloading itself while the build runs. Served as the page is, with its own content security
 * policy (nothing fetched, only its own script), which is stricter than Jenkins' own.
 */
public final class PackitRunPage implements Action {
    /** The page's address below the build's. */
    static final String URL_NAME = "packit";

    private final Run<?, ?> run;
    private final PackitRunAction packit;

    PackitRunPage(Run<?, ?> run, PackitRunAction packit) {
        this.run = run;
        this.packit = packit;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "Packit";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The page, as of now. */
    public void doIndex(StaplerRequest2 request, StaplerResponse2 response) throws IOException, InterruptedException {
        run.checkPermission(Item.READ);
        var html = packit.runPage(run);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", RunPage.contentSecurityPolicy());
        response.setHeader("Cache-Control", "no-store");
        var writer = response.getWriter();
        writer.write(html);
        writer.flush();
    }

    /** Adds the page to every build that has a {@link PackitRunAction}, without storing anything in the build. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Run> {
        @Override
        public Class<Run> type() {
            return Run.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return PackitRunPage.class;
        }

        @Override
        public @NonNull Collection<? extends Action> createFor(@NonNull Run target) {
            var packit = target.getAction(PackitRunAction.class);
            return packit == null ? List.of() : List.of(new PackitRunPage(target, packit));
        }
    }
}
