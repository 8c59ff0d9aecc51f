package io.packit.pipeline.graph;

/** Turns names from packit.yaml (package names, job identifiers) into {@link NodeId#SAFE_PART}s, stably. */
final class IdParts {
    private static final int MAX = 128;

    private IdParts() {
    }

    /**
     * {@code text} with every character outside {@code [A-Za-z0-9._+-]} replaced by {@code -}, prefixed with
     * {@code x} when it does not start with a letter or digit, cut to 128 characters. Safe parts are unchanged.
     */
    static String safe(String text) {
        if (NodeId.isSafePart(text)) {
            return text;
        }
        var out = new StringBuilder(text.length() + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '+' || c == '-';
            out.append(ok ? c : '-');
        }
        if (out.length() == 0 || !Character.isLetterOrDigit(out.charAt(0)) || out.charAt(0) > 'z') {
            out.insert(0, 'x');
        }
        return out.length() > MAX ? out.substring(0, MAX) : out.toString();
    }
}
