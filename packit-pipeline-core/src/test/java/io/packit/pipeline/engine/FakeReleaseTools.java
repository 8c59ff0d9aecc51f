package io.packit.pipeline.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Fake {@code fedpkg}, {@code packit}, {@code koji} and {@code bodhi} in one {@code bin} directory, for a
 * {@code PATH}: each appends its name and arguments to {@link #calls()} and prints what the real tool prints for the
 * commands a side-tag release runs: fedpkg's {@code Side tag '<base tag>-side-4242' (id 4242) created.} line (as
 * fbrnch reads it, juhp/fbrnch {@code c719c5f5} {@code src/Koji.hs:332-340}) and its hints; packit's per-branch build
 * lines ({@code packit/cli/builds/koji_build.py:129-180} at packit 69d783e8), with {@link #failBuildOf} the failure
 * line it prints before exiting 0; koji's {@code Got repo} ({@code cli/koji_cli/commands.py:7476-7478} at koji
 * 2083513a); bodhi's update with its {@code Update ID} line ({@code bodhi-client/bodhi/client/bindings.py:844-857} at
 * bodhi 2afdbd08).
 */
public final class FakeReleaseTools {
    /** The side tag the fake fedpkg makes for {@code f43-build}. */
    public static final String F43_TAG = "f43-build-side-4242";
    /** The update the fake bodhi makes. */
    public static final String UPDATE = "FEDORA-2026-5e1d2c3b4a";

    private final Path bin;
    private final Path calls;

    /** The tools in {@code dir/bin}, recording into {@code dir/calls.txt}. */
    public FakeReleaseTools(Path dir) {
        try {
            this.bin = Files.createDirectories(dir.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.calls = dir.resolve("calls.txt");
        tool("fedpkg", """
                echo "fedpkg $*" >> '%s'
                echo "Side tag '$3-side-4242' (id 4242) created."
                echo "Use 'fedpkg build --target=$3-side-4242' to use it."
                echo "Use 'koji wait-repo $3-side-4242' to wait for the build repo to be generated."
                """);
        tool("koji", """
                echo "koji $*" >> '%s'
                echo 'Got repo 7001'
                echo 'Repo info: https://koji.fedoraproject.org/koji/repoinfo?repoID=7001'
                """);
        tool("bodhi", """
                echo "bodhi $*" >> '%s'
                echo '================================================================================'
                echo '     b-1.0-1.fc43 c-1.0-1.fc43 a-1.0-1.fc43'
                echo '================================================================================'
                echo '   Update ID: FEDORA-2026-5e1d2c3b4a'
                echo '     Release: Fedora 43'
                echo '      Status: pending'
                """);
        failBuildOf("", "");
    }

    /** Makes packit report the Koji build of {@code pkg} on {@code branch} as failed, with status 0 ("": none). */
    public FakeReleaseTools failBuildOf(String pkg, String branch) {
        tool("packit", """
                echo "packit $*" >> '%s'
                echo "Building from the following branches: $4, for package $8"
                echo "Starting build for branch '$4', target '$6'..."
                if [ "$8" = '""" + pkg + "' ] && [ \"$4\" = '" + branch + """
                ' ]; then
                  echo "Build for branch '$4', target '$6' failed. "
                  echo ">>> Could not execute build: Command '['fedpkg', 'build']' returned non-zero exit status 1."
                else
                  echo "Completed build for branch '$4', target '$6'."
                fi
                echo "All builds processed."
                """);
        return this;
    }

    /** Replaces tool {@code name} by a script that records its call and runs {@code body}. */
    public FakeReleaseTools tool(String name, String body) {
        var script = bin.resolve(name);
        try {
            Files.writeString(script, "#!/bin/sh\n" + body.formatted(calls), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Removes tool {@code name}. */
    public void remove(String name) throws IOException {
        Files.delete(bin.resolve(name));
    }

    /** The directory to put on {@code PATH}. */
    public Path bin() {
        return bin;
    }

    /** Every call so far, in order: {@code <tool> <arguments>}. */
    public List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
