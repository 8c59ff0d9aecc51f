package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.packit.pipeline.bodhi.BodhiClient;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The plugin's settings in Manage Jenkins → System: the Bodhi whose releases target aliases
 * ({@code fedora-all}, {@code epel-all}) resolve against, {@value BodhiClient#PUBLIC_URL} by default.
 */
@Extension
@Symbol("packitPipeline")
public class PackitGlobalConfiguration extends GlobalConfiguration {
    @CheckForNull
    private String bodhiUrl;

    /** Loads the saved settings. */
    public PackitGlobalConfiguration() {
        load();
    }

    @Override
    public String getDisplayName() {
        return "Packit Pipeline";
    }

    /** The settings of this controller. */
    static PackitGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(PackitGlobalConfiguration.class);
    }

    /** The Bodhi URL; the public Bodhi when none was set. */
    public String getBodhiUrl() {
        return bodhiUrl == null || bodhiUrl.isBlank() ? BodhiClient.PUBLIC_URL : bodhiUrl;
    }

    /** Sets the Bodhi URL (blank: the public Bodhi) and saves. */
    @DataBoundSetter
    public void setBodhiUrl(@CheckForNull String bodhiUrl) {
        this.bodhiUrl = bodhiUrl == null || bodhiUrl.isBlank() ? null : bodhiUrl.strip();
        save();
    }
}
