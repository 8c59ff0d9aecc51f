package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.diag.SourcePosition;
import io.packit.pipeline.http.HttpAuth;
import io.packit.pipeline.http.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Copr's own client configuration ({@code ~/.config/copr}, section {@code [copr-cli]}, reference §1.2): the frontend
 * URL, the API login and token (sent as HTTP Basic {@code login:token}) and the user name. Without login and token
 * only anonymous reads work. {@link #toString()} never shows the token.
 *
 * @param coprUrl the frontend, e.g. {@code https://copr.fedorainfracloud.org}
 * @param login the API login (an opaque string, not the user name), null when anonymous
 * @param username the user name, default owner of projects, may be null
 * @param token the API token, null when anonymous
 */
public record CoprConfig(String coprUrl, @CheckForNull String login, @CheckForNull String username,
        @CheckForNull Secret token) {
    /** The Fedora Copr instance, used when {@code copr_url} is not set. */
    public static final String FEDORA_COPR = "https://copr.fedorainfracloud.org";

    private static final String SECTION = "copr-cli";

    /** Validates. */
    public CoprConfig {
        Objects.requireNonNull(coprUrl, "coprUrl");
        if ((login == null) != (token == null)) {
            throw new IllegalArgumentException("Copr login and token go together: set both or neither");
        }
    }

    /**
     * Anonymous access to a frontend.
     *
     * @param coprUrl the frontend URL
     * @return a config without credentials
     */
    public static CoprConfig anonymous(String coprUrl) {
        return new CoprConfig(coprUrl, null, null, null);
    }

    /**
     * Reads a Copr config file.
     *
     * @param file the file, usually {@code ~/.config/copr}
     * @return the config
     * @throws InvalidInputException with every problem and its line when the file is invalid
     * @throws UncheckedIOException when it cannot be read
     */
    public static CoprConfig load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Copr config " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the text of a Copr config file.
     *
     * @param text the INI text
     * @param fileName the name used in problem positions
     * @return the config
     * @throws InvalidInputException with every problem and its line when the text is invalid
     */
    public static CoprConfig parse(String text, String fileName) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Map<String, IniValue>> sections = parseIni(text, fileName, diagnostics);
        Map<String, IniValue> keys = sections.get(SECTION);
        if (keys == null) {
            diagnostics.error(SourcePosition.of(fileName), "no [" + SECTION + "] section");
            throw new InvalidInputException(diagnostics);
        }
        String url = value(keys, "copr_url").orElse(FEDORA_COPR);
        IniValue urlValue = keys.get("copr_url");
        SourcePosition urlAt = urlValue == null ? SourcePosition.of(fileName) : urlValue.position();
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                diagnostics.error(urlAt, "copr_url must be an http(s) URL, got '" + url + "'");
            } else if ("http".equals(uri.getScheme()) && value(keys, "encrypted").map(v -> !isFalse(v)).orElse(true)
                    && !isLoopback(uri.getHost())) {
                diagnostics.error(urlAt, "copr_url '" + url + "' is not https while 'encrypted' is true");
            }
        } catch (URISyntaxException e) {
            diagnostics.error(urlAt, "copr_url is not a URL: '" + url + "'");
        }
        Optional<String> login = value(keys, "login");
        Optional<String> token = value(keys, "token");
        if (login.isPresent() != token.isPresent()) {
            IniValue present = keys.getOrDefault("login", keys.get("token"));
            diagnostics.error(present.position(), login.isPresent()
                    ? "'login' is set but 'token' is missing" : "'token' is set but 'login' is missing");
        }
        if (diagnostics.hasErrors()) {
            throw new InvalidInputException(diagnostics);
        }
        return new CoprConfig(stripSlash(url), login.orElse(null), value(keys, "username").orElse(null),
                token.map(Secret::of).orElse(null));
    }

    /**
     * Returns whether requests that change something can be made.
     *
     * @return true when login and token are set
     */
    public boolean hasCredentials() {
        return token != null;
    }

    /**
     * Returns the HTTP authentication built from login and token.
     *
     * @return Basic auth, or none when anonymous
     */
    public HttpAuth auth() {
        // the constructor makes login and token go together
        return token == null || login == null ? HttpAuth.none() : HttpAuth.basic(login, token);
    }

    @Override
    public String toString() {
        return "CoprConfig[coprUrl=" + coprUrl + ", login=" + (login == null ? "none" : "****")
                + ", username=" + username + ", token=" + (token == null ? "none" : token) + "]";
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host);
    }

    private static boolean isFalse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return v.equals("false") || v.equals("no") || v.equals("0") || v.equals("off");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Optional<String> value(Map<String, IniValue> keys, String key) {
        IniValue value = keys.get(key);
        return value == null || value.text().isEmpty() ? Optional.empty() : Optional.of(value.text());
    }

    private record IniValue(String text, SourcePosition position) {
    }

    private static Map<String, Map<String, IniValue>> parseIni(String text, String fileName, Diagnostics diagnostics) {
        Map<String, Map<String, IniValue>> sections = new LinkedHashMap<>();
        Map<String, IniValue> current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            SourcePosition at = new SourcePosition(fileName, i + 1, 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    diagnostics.error(at, "section header without ']': " + line);
                    continue;
                }
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(),
                        name -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (sep <= 0) {
                diagnostics.error(at, "expected 'key = value', got a line without '=' (" + line.length() + " chars)");
                continue;
            }
            if (current == null) {
                diagnostics.error(at, "key outside of a section");
                continue;
            }
            String key = line.substring(0, sep).strip().toLowerCase(java.util.Locale.ROOT);
            current.put(key, new IniValue(line.substring(sep + 1).strip(), new SourcePosition(fileName, i + 1, 1)));
        }
        return sections;
    }
}
