package de.auseinerhand.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.testsupport.ApiFuzz;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every operation of reporting's API, fuzzed from its OpenAPI document with an analyst's token (libs/test-support
 * ApiFuzz): no 5xx, every error a problem+json, and no refused request started a rebuild or imported figures.
 */
@QuarkusTest
class ApiFuzzTest {
    @Inject
    DataSource dataSource;

    @Test
    void noRequestBreaksReportingOrWritesWhenRefused() {
        ApiFuzz fuzz = new ApiFuzz(TestTokens.analyst(), Map.of(), this::writes, 120);
        ApiFuzz.Result result = fuzz.run("/api/v1/", List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        assertThat(result.requests()).as("requests sent").isGreaterThan(200);
        assertThat(result.findings()).as("findings with seed " + ApiFuzz.seed()).isEmpty();
    }

    long writes() {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select (select count(*) from projection_rebuild) + (select count(*) from cmp_figure)")) {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
