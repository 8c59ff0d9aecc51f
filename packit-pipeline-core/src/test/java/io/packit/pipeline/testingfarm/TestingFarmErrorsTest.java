package io.packit.pipeline.testingfarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.http.ApiFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestingFarmErrorsTest {
    private final TestingFarmErrors errors = new TestingFarmErrors();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"message\": \"Token has expired\"}|Token has expired",
        "{\"errors\": {\"environments\": {\"0\": {\"arch\": \"bad arch\"}}}}|environments.0.arch: bad arch",
        "{\"errors\": {\"settings\": {\"pipeline\": {\"timeout\": \"unexpected type str\"}}}, \"x\": [1]}|settings.pipeline.timeout: unexpected type str",
        "{\"detail\": [{\"loc\": [\"path\", \"request_id\"], \"msg\": \"value is not a valid uuid\", \"type\": \"type_error.uuid\"}]}|path.request_id: value is not a valid uuid",
        "{\"detail\": \"Not Found\"}|Not Found",
        "{\"unexpected\": true}|''",
    })
    void shouldReadEveryErrorShapeTestingFarmUses(String body, String text) throws Exception {
        assertThat(errors.errorText(new ObjectMapper().readTree(body))).isEqualTo(text);
    }

    @Test
    void shouldThrowTheTestingFarmExceptionType() {
        var failure = new ApiFailure("DELETE", "https://api.testing-farm.io/v0.1/requests/x", 403, "Forbidden", false);

        assertThat(errors.exception(failure, null)).isInstanceOf(TestingFarmApiException.class)
                .hasMessage("DELETE https://api.testing-farm.io/v0.1/requests/x → HTTP 403 Forbidden: \"Forbidden\"");
    }
}
