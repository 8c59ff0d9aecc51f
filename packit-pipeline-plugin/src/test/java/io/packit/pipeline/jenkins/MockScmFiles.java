package io.packit.pipeline.jenkins;

import hudson.model.Item;
import hudson.scm.SCM;
import hudson.scm.SCMDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jenkins.scm.api.SCMFile;
import jenkins.scm.api.SCMFileSystem;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.SCMSourceDescriptor;
import jenkins.scm.impl.mock.MockChangeRequestSCMRevision;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMRevision;
import jenkins.scm.impl.mock.MockSCMSource;

/**
 * Reads single files of scm-api's {@link MockSCMSource} at a revision, which scm-api's mock SCM cannot do itself:
 * a real {@link SCMFileSystem.Builder}, registered by each test class as a nested {@code @TestExtension} subclass,
 * so that lightweight reads ({@code SCMBinder}'s and ours) work on the mock repositories the tests build.
 */
abstract class MockScmFiles extends SCMFileSystem.Builder {
    @Override
    public boolean supports(SCM source) {
        return false;
    }

    @Override
    public boolean supports(SCMSource source) {
        return source instanceof MockSCMSource;
    }

    @Override
    @SuppressWarnings("rawtypes") // the abstract method takes the raw type (scm-api SCMFileSystem.java:476)
    protected boolean supportsDescriptor(SCMDescriptor descriptor) {
        return false;
    }

    @Override
    protected boolean supportsDescriptor(SCMSourceDescriptor descriptor) {
        return descriptor instanceof MockSCMSource.DescriptorImpl;
    }

    @Override
    public SCMFileSystem build(Item owner, SCM scm, SCMRevision rev) {
        return null;
    }

    @Override
    public SCMFileSystem build(SCMSource source, SCMHead head, SCMRevision rev) throws IOException {
        var mock = (MockSCMSource) source;
        String hash;
        if (rev instanceof MockSCMRevision revision) {
            hash = revision.getHash();
        } else if (rev instanceof MockChangeRequestSCMRevision revision) {
            hash = revision.getHash();
        } else {
            return null;
        }
        var dir = Files.createTempDirectory("mock-scm-");
        MockSCMController.lookup(mock.getControllerId()).checkout(dir.toFile(), mock.getRepository(), hash);
        return new CheckedOut(rev, dir);
    }

    private static final class CheckedOut extends SCMFileSystem {
        private final Path dir;

        CheckedOut(SCMRevision rev, Path dir) {
            super(rev);
            this.dir = dir;
        }

        @Override
        public long lastModified() {
            return 0;
        }

        @Override
        public SCMFile getRoot() {
            return new CheckedOutFile(dir);
        }
    }

    private static final class CheckedOutFile extends SCMFile {
        private final Path root;

        CheckedOutFile(Path root) {
            this.root = root;
        }

        private CheckedOutFile(CheckedOutFile parent, String name, Path root) {
            super(parent, name);
            this.root = root;
        }

        @Override
        protected SCMFile newChild(String name, boolean assumeIsDirectory) {
            return new CheckedOutFile(this, name, root);
        }

        @Override
        public Iterable<SCMFile> children() {
            return List.of();
        }

        @Override
        public long lastModified() {
            return 0;
        }

        @Override
        protected Type type() {
            var path = root.resolve(getPath());
            if (Files.isRegularFile(path)) {
                return Type.REGULAR_FILE;
            }
            return Files.isDirectory(path) ? Type.DIRECTORY : Type.NONEXISTENT;
        }

        @Override
        public InputStream content() throws IOException {
            return Files.newInputStream(root.resolve(getPath()));
        }
    }
}
