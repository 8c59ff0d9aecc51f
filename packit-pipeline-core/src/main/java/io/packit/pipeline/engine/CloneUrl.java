package io.packit.pipeline.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A repository URL made fit to hand to Copr and Testing Farm, which clone it on their own machines and show it to
 * everyone: credentials are dropped ({@code https://user:token@host/…} becomes {@code https://host/…}), and an SSH
 * remote ({@code ssh://git@host/owner/repo.git} or scp-like {@code git@host:owner/repo.git}) becomes the
 * {@code https://host/owner/repo.git} that forges serve the same repository at, since those machines hold no key
 * of ours. {@code http}, {@code https}, {@code git} and {@code file} URLs are kept as they are otherwise, and a local
 * path becomes a {@code file://} URL (which only a service on the same machine, such as the fakes, can use).
 *
 * <p>Nothing of a dropped credential is kept or shown, not even in the message of an invalid URL.
 */
public final class CloneUrl {
    /** {@code user@host:path}, the scp-like syntax git takes for SSH (no scheme, a colon before any slash). */
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/:]+@)?([^@/:]+):(?!//)(.+)");

    private CloneUrl() {
    }

    /**
     * The public form of {@code url}; empty for an empty {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not a URL git could clone (the message does not repeat it)
     */
    public static String of(String url) {
        // the message of every refusal below leaves the URL out: it may hold a token
        var text = url.strip();
        if (text.isEmpty()) {
            return "";
        }
        if (text.startsWith("/")) {
            // a local path, as a Git source on the same machine takes it
            return "file://" + text;
        }
        if (text.regionMatches(true, 0, "file:", 0, 5) && !text.contains("://")) {
            // java.io.File#toURI's form, file:/srv/git/hello.git
            return "file://" + text.substring(5);
        }
        if (!text.contains("://")) {
            var scp = SCP_LIKE.matcher(text);
            if (scp.matches()) {
                return "https://" + scp.group(1) + "/" + stripLeadingSlashes(scp.group(2));
            }
            throw new IllegalArgumentException("not a repository URL (expected https://host/owner/repo or an SSH "
                    + "remote such as git@host:owner/repo.git)");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a repository URL: " + e.getReason());
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var host = uri.getHost();
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        switch (scheme) {
            case "file" -> {
                return "file://" + path;
            }
            case "ssh", "git+ssh", "ssh+git" -> {
                requireHost(host);
                return "https://" + host + "/" + stripLeadingSlashes(path);
            }
            case "http", "https", "git" -> {
                requireHost(host);
                var port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                var query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                return scheme + "://" + host + port + path + query;
            }
            default -> throw new IllegalArgumentException("not a repository URL: scheme '" + scheme
                    + "' (expected https, http, git, ssh or file)");
        }
    }

    private static void requireHost(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("not a repository URL: it names no host");
        }
    }

    private static String stripLeadingSlashes(String path) {
        var start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
