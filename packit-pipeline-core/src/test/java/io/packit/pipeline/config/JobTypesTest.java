package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTypesTest {
    private static final JobCommon COMMON = new JobCommon(0, Trigger.PULL_REQUEST, "", false, List.of(), Map.of(),
            SourcePosition.of("packit.yaml"), Map.of());

    @Test
    void shouldReadEveryRecordOfTheSealedHierarchyUnderItsOwnKey() {
        var made = JobTypes.ALL.stream()
                .map(type -> {
                    var job = type.make().apply(COMMON, new JobKeys(Map.of()));
                    assertThat(job.key()).as("record of %s", type.key()).isEqualTo(type.key());
                    return job.getClass().getName();
                })
                .toList();

        assertThat(made).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                Arrays.stream(JobConfig.class.getPermittedSubclasses()).map(Class::getName).toList());
    }

    @Test
    void shouldListTheWrittenTypesInPackitsOrderWithoutTheInternalOne() {
        assertThat(JobTypes.writtenKeys()).containsExactly("copr_build", "tests", "upstream_koji_build",
                "vm_image_build", "propose_downstream", "pull_from_upstream", "koji_build", "bodhi_update",
                "sync_from_downstream");
        assertThat(JobTypes.owners("build_identifier")).isEqualTo("tests");
    }

    @Test
    void shouldGiveEachReleaseKindAndOnlyThemTheTopLevelRule() {
        var releasing = JobTypes.ALL.stream()
                .map(type -> type.make().apply(COMMON, new JobKeys(Map.of())))
                .filter(JobConfig::releases).map(JobConfig::key).toList();

        assertThat(releasing).containsExactly("upstream_koji_build", "propose_downstream", "koji_build", "bodhi_update");
    }
}
