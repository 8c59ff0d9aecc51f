package io.packit.pipeline.engine;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the name of the side tag {@code fedpkg request-side-tag} created from what it printed.
 *
 * <p>fedpkg (rpkg's {@code request-side-tag}) reports the tag Koji's {@code createSideTag} made as
 * {@code Side tag '<name>' (id <number>) created.}, then hints on how to use it ({@code Use 'fedpkg build
 * --target=<name>' to use it.}, …). That first line is the one fbrnch reads the name from (juhp/fbrnch
 * {@code c719c5f5} {@code src/Koji.hs:332-340}: the line must start with {@code Side tag '}, the name runs to the next
 * {@code '}); rpkg's own source (pagure.io/rpkg) could not be read here. The name is accepted only when exactly one
 * such line names exactly one tag, and the tag is a plain Koji tag name ({@link #TAG}): nothing else in the output,
 * a hint naming the tag again included, can make another name reach the commands that use it.
 */
public final class SideTagOutput {
    /** What a Koji side tag name is made of ({@code f43-build-side-123456}). */
    public static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,254}");

    private static final Pattern LINE = Pattern.compile("^Side tag '([^']*)' \\(id (\\d+)\\) created\\.\\s*$");

    private SideTagOutput() {
    }

    /**
     * The side tag named in {@code output}.
     *
     * @throws IllegalArgumentException naming what was wrong: no such line, several tags, or a name that is no Koji
     *                                  tag name
     */
    public static String sideTag(String output) {
        Objects.requireNonNull(output, "output");
        var names = new LinkedHashSet<String>();
        for (var line : output.split("\\R")) {
            var matcher = LINE.matcher(line.strip());
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("fedpkg request-side-tag printed no \"Side tag '<name>' (id <n>) "
                    + "created.\" line, so the side tag's name is not known");
        }
        if (names.size() > 1) {
            throw new IllegalArgumentException("fedpkg request-side-tag printed several side tags (" + names.size()
                    + "), so which one to build in is not known");
        }
        var name = names.iterator().next();
        if (!TAG.matcher(name).matches()) {
            throw new IllegalArgumentException("fedpkg request-side-tag named a side tag that is no Koji tag name");
        }
        return name;
    }
}
