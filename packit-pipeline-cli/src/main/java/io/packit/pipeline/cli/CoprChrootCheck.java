package io.packit.pipeline.cli;

import picocli.CommandLine.Option;

/** {@code --copr-url}: check the resolved build chroots against what a Copr offers ({@code validate}, {@code plan}, ...). */
final class CoprChrootCheck {
    @Option(names = "--copr-url", paramLabel = "URL",
            description = "Warn, at the targets entry, about resolved chroots this Copr does not offer "
                    + "(GET /api_3/mock-chroots/list), e.g. https://copr.fedorainfracloud.org.")
    String coprUrl;

    /** Asks {@code loading} to check, when {@code --copr-url} was given. */
    void applyTo(ConfigLoading loading) {
        if (coprUrl != null) {
            loading.checkChrootsAgainst(coprUrl);
        }
    }
}
