package io.packit.pipeline.config;

/** The shape a packit.yaml key's value must have. */
enum ValueKind {
    STRING("a string"),
    BOOLEAN("a boolean"),
    INTEGER("an integer"),
    NON_NEGATIVE_INTEGER("an integer >= 0"),
    INTEGER_OR_STRING("an integer or a string"),
    STRING_LIST("a list of strings"),
    ANY_MAPPING("a mapping"),
    TARGETS("a list of targets or a mapping of target to options"),
    DIST_GIT_BRANCHES("a list of branches or a mapping of branch to options"),
    ACTIONS("a mapping of action to command(s)"),
    SOURCES("a list of {path, url} mappings"),
    FILES_TO_SYNC("a list of paths or {src, dest} mappings"),
    NOTIFICATIONS("a mapping"),
    REQUIRE("a mapping"),
    OSH_OPTIONS("a mapping"),
    TEST_COMMAND("a mapping"),
    BOOTSTRAP("one of: default, on, off, image"),
    PACKIT_INSTANCES("a list of: dev, stg, prod"),
    ENV("a mapping of variable to value"),
    JOB_TYPE("a job type"),
    TRIGGER("a trigger"),
    JOB_PACKAGES("a list of package names or a mapping of package name to settings"),
    METADATA("a mapping"),
    DEPENDS("a list of package names or {name, rebuild} mappings"),
    IGNORED("any value");

    private final String expected;

    ValueKind(String expected) {
        this.expected = expected;
    }

    /** How messages say what is expected: {@code an integer}. */
    String expected() {
        return expected;
    }
}
