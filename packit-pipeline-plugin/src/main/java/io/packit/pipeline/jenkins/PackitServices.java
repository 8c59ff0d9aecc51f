package io.packit.pipeline.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprConfig;
import io.packit.pipeline.engine.CoprBuildExecutor;
import io.packit.pipeline.engine.NodeExecutor;
import io.packit.pipeline.engine.NodeExecutors;
import io.packit.pipeline.engine.NodeRun;
import io.packit.pipeline.engine.Polling;
import io.packit.pipeline.engine.Progress;
import io.packit.pipeline.engine.RunSettings;
import io.packit.pipeline.engine.TestingFarmExecutor;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.render.RuntimePipeline;
import io.packit.pipeline.steps.StepCatalog;
import io.packit.pipeline.testingfarm.TestingFarmClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import jenkins.util.SystemProperties;
import okhttp3.OkHttpClient;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The core's executors for one build, with the build's credentials: a secret file credential holding a Copr
 * config ({@code ~/.config/copr} format) and a secret text credential holding the Testing Farm API key, looked up
 * by the ids the build parameters name ({@link StepCatalog#PARAM_COPR_CREDENTIALS},
 * {@link StepCatalog#PARAM_TF_CREDENTIALS}) and recorded as used by the build. HTTP goes through Jenkins' proxy
 * settings. A missing credential fails only the nodes that need it, with a message naming the credential id.
 *
 * <p>Every build shares one HTTP client ({@code HTTP}): one connection pool and dispatcher for the controller.
 * okhttp-api's proxy selector and authenticator read Jenkins' proxy configuration on each request
 * ({@code JenkinsProxySelector#select}), so a changed proxy setting applies to it without a new client.
 */
final class PackitServices {
    /** System property: seconds between polls of running Copr builds and Testing Farm requests (default 10). */
    static final String POLL_SECONDS = PackitServices.class.getName() + ".pollSeconds";

    /** The one client of the plugin, with Jenkins' proxy settings. */
    private static final OkHttpClient HTTP = JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build();

    private PackitServices() {
    }

    /** The plugin's HTTP client (Bodhi is asked through it too). */
    static OkHttpClient http() {
        return HTTP;
    }

    /** The executors of every node kind for {@code run}. */
    static NodeExecutors executors(Run<?, ?> run, EnvVars env, AgentCliExecutor cli, BuildRepository repository,
            String repoName, String revision) throws IOException {
        var copr = coprConfig(run, env);
        var seconds = SystemProperties.getLong(POLL_SECONDS, 10L);
        var polling = seconds == 10L ? Polling.STANDARD : Polling.every(Duration.ofSeconds(seconds));
        var username = copr == null ? null : copr.username();
        var settings = new RunSettings(repository.url(), RuntimePipeline.commitOf(revision), repoName,
                username == null ? "" : username, polling, false);
        var byKind = new EnumMap<NodeKind, NodeExecutor>(NodeKind.class);
        NodeExecutor builds = copr == null
                ? new Unavailable("no secret file credential '" + coprCredentialsId(env) + "' with a Copr config"
                        + " (build parameter " + StepCatalog.PARAM_COPR_CREDENTIALS + ")")
                : new CoprBuildExecutor(CoprClient.create(HTTP, copr), settings);
        byKind.put(NodeKind.SRPM, builds);
        byKind.put(NodeKind.COPR_BUILD, builds);
        var apiKey = testingFarmKey(run, env);
        byKind.put(NodeKind.TESTS, apiKey == null
                ? new Unavailable("no secret text credential '" + testingFarmCredentialsId(env)
                        + "' with a Testing Farm API key (build parameter " + StepCatalog.PARAM_TF_CREDENTIALS + ")")
                : new TestingFarmExecutor(TestingFarmClient.create(HTTP, TestingFarmClient.apiUrl(null, env), apiKey),
                        settings));
        for (var kind : NodeKind.values()) {
            if (kind.runsPackitCli()) {
                byKind.put(kind, cli);
            }
        }
        return new NodeExecutors(byKind);
    }

    @CheckForNull
    private static CoprConfig coprConfig(Run<?, ?> run, EnvVars env) throws IOException {
        var id = coprCredentialsId(env);
        var credential = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
        if (credential == null) {
            return null;
        }
        CredentialsProvider.track(run, credential);
        try (var content = credential.getContent()) {
            return CoprConfig.parse(new String(content.readAllBytes(), StandardCharsets.UTF_8),
                    "credential '" + id + "'");
        }
    }

    @CheckForNull
    private static Secret testingFarmKey(Run<?, ?> run, EnvVars env) {
        var credential = CredentialsProvider.findCredentialById(testingFarmCredentialsId(env), StringCredentials.class,
                run);
        if (credential == null) {
            return null;
        }
        CredentialsProvider.track(run, credential);
        return Secret.of(credential.getSecret().getPlainText());
    }

    private static String coprCredentialsId(EnvVars env) {
        return env.get(StepCatalog.PARAM_COPR_CREDENTIALS, StepCatalog.DEFAULT_COPR_CREDENTIALS);
    }

    private static String testingFarmCredentialsId(EnvVars env) {
        return env.get(StepCatalog.PARAM_TF_CREDENTIALS, StepCatalog.DEFAULT_TF_CREDENTIALS);
    }

    /** The executor of a kind whose service has no credential: its nodes fail, saying which one is missing. */
    private static final class Unavailable implements NodeExecutor {
        private final String reason;

        Unavailable(String reason) {
            this.reason = reason;
        }

        @Override
        public Progress start(NodeRun run) {
            return Progress.failed(reason);
        }

        @Override
        public Progress poll(NodeRun run) {
            return Progress.failed(reason);
        }

        @Override
        public void cancel(NodeRun run) {
            // nothing was started
        }
    }
}
