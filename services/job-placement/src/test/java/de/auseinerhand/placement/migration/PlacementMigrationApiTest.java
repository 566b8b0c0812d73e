package de.auseinerhand.placement.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.migration.format.MigrationIds;
import de.auseinerhand.servicekit.keys.PersonKeys;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** job-placement's part of the migration import (docs/migration.md): measures and integrations through the placement rules. */
@QuarkusTest
class PlacementMigrationApiTest {

    static final LocalDate TODAY = TestClock.today();
    static final LocalDate OPENED = YearMonth.from(TODAY).minusMonths(20).atDay(1);

    @Inject
    DataSource dataSource;

    @Inject
    PersonKeys keys;

    /** A head (employable) and a child of 10; {@code measures} and {@code integrations} as JSON arrays. */
    static String household(String id, String measures, String integrations) {
        return """
                {"householdId": "%1$s", "municipality": "05958032", "openedOn": "%2$s",
                 "members": [{"personId": "P1", "role": "HEAD", "firstName": "Erika", "lastName": "Muster", "birthDate": "1986-05-02",
                              "sex": "FEMALE", "employable": true, "singleParent": true, "joinedOn": "%2$s"},
                             {"personId": "P2", "role": "CHILD", "firstName": "Tim", "lastName": "Muster", "birthDate": "%3$s",
                              "sex": "MALE", "employable": false, "joinedOn": "%2$s"}],
                 "caseworkers": [{"function": "PLACEMENT", "caseworkerId": "cw-meschede-3", "from": "%2$s"}],
                 "measures": %4$s, "integrations": %5$s}
                """.formatted(id, OPENED, TODAY.minusYears(10), measures, integrations);
    }

    static final String MEASURES = """
            [{"measureId": "M1", "personId": "P1", "catalogueId": "activation-45", "legalBasis": "§ 16(1) SGB II i.V.m. § 45 SGB III",
              "category": "ACTIVE_LABOUR_MARKET", "provider": "Bildungswerk Sauerland", "assignedOn": "%1$s", "start": "%2$s",
              "plannedEnd": "%3$s", "end": "%3$s", "outcome": "COMPLETED", "costs": 1200.00},
             {"measureId": "M2", "personId": "P1", "catalogueId": "further-training-81", "legalBasis": "§ 16(1) SGB II i.V.m. § 81 SGB III",
              "category": "ACTIVE_LABOUR_MARKET", "provider": "Kolping Meschede", "assignedOn": "%4$s", "start": "%5$s", "plannedEnd": "%6$s"}]
            """.formatted(OPENED.plusMonths(1), OPENED.plusMonths(1).plusDays(7), OPENED.plusMonths(4), TODAY.minusMonths(2),
            TODAY.minusMonths(2).plusDays(5), TODAY.plusMonths(6));

    static final String INTEGRATIONS = """
            [{"personId": "P1", "kind": "EMPLOYMENT_SV", "startDate": "%1$s", "hoursPerWeek": 30, "monthlyWage": 2100.00,
              "endDate": "%2$s", "endReason": "dismissed in the probation period"}]
            """.formatted(OPENED.plusMonths(6), OPENED.plusMonths(9));

    static String batch(String caseId, String household) {
        return "{\"runId\": \"pm-run\", \"households\": [{\"caseId\": \"" + caseId + "\", \"household\": " + household + "}]}";
    }

    static String newCaseId() {
        return "BG-05958032-" + String.format("%06d", ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    @Test
    void measuresAndIntegrationsBecomeThePlacementStreamWithTheTextsSealedOnce() throws SQLException {
        String hh = "PM-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = newCaseId();
        UUID head = MigrationIds.person(hh, "P1");
        // the registry's part made the person's key before
        keys.encrypt(head, Map.of());

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch(caseId, household(hh, MEASURES, INTEGRATIONS)))
                .queryParam("dryRun", true).post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED"));
        assertThat(column("select event_type from es_event where stream_id = ?", "placement-" + caseId)).isEmpty();

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch(caseId, household(hh, MEASURES, INTEGRATIONS)))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("MIGRATED")).body("results[0].events", equalTo(7));
        assertThat(column("select event_type from es_event where stream_id = ? order by stream_version", "placement-" + caseId))
                .containsExactly("de.auseinerhand.placement.measure-assigned.v1", "de.auseinerhand.placement.measure-started.v1",
                        "de.auseinerhand.placement.measure-ended.v1", "de.auseinerhand.placement.integration-recorded.v1",
                        "de.auseinerhand.placement.employment-ended.v1", "de.auseinerhand.placement.measure-assigned.v1",
                        "de.auseinerhand.placement.measure-started.v1");
        assertThat(column("select distinct envelope->>'actor' from es_event where stream_id = ?", "placement-" + caseId))
                .containsExactly("migration:pm-run");
        // the dismissal's reason is sealed with the person's key, not stored in plain
        assertThat(column("select envelope::text from es_event where stream_id = ? and event_type like '%employment-ended%'",
                "placement-" + caseId)).singleElement().satisfies(e -> assertThat(e).doesNotContain("probation").contains("\"pii\""));
        // the measures count for the person's limits in any later case (§ 16d(6))
        assertThat(column("select legal_basis || ' ' || start_date || ' ' || coalesce(last_day::text, '-') from jp_measure where case_id = ?"
                + " order by start_date", caseId)).containsExactly(
                "§ 16(1) SGB II i.V.m. § 45 SGB III " + OPENED.plusMonths(1).plusDays(7) + " " + OPENED.plusMonths(4),
                "§ 16(1) SGB II i.V.m. § 81 SGB III " + TODAY.minusMonths(2).plusDays(5) + " " + TODAY.plusMonths(6));

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch(caseId, household(hh, MEASURES, INTEGRATIONS)))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("ALREADY_MIGRATED"));
        assertThat(column("select event_type from es_event where stream_id = ?", "placement-" + caseId)).hasSize(7);
    }

    @Test
    void aChildsIntegrationAMeasureTooLongAndOneOutsideTheCatalogueRejectTheHouseholdWithTheirFields() throws SQLException {
        String caseId = newCaseId();
        String child = """
                [{"personId": "P2", "kind": "MINIJOB", "startDate": "%s", "hoursPerWeek": 8, "monthlyWage": 300.00}]
                """.formatted(OPENED.plusMonths(2));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(batch(caseId, household("PM-" + UUID.randomUUID().toString().substring(0, 8), "[]", child)))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].problems[0].field", equalTo("integrations[0].personId"))
                .body("results[0].problems[0].reason", equalTo("names P2, who was not employable on " + OPENED.plusMonths(2) + " (§ 8 SGB II)"));
        // the catalogue's rules beyond the file's: an integration subsidy (§ 88 SGB III) is assigned for at most 12 months
        String tooLong = """
                [{"measureId": "M1", "personId": "P1", "catalogueId": "integration-subsidy-88", "legalBasis": "§ 16(1) SGB II i.V.m. § 88 SGB III",
                  "category": "WAGE_SUBSIDY", "provider": "Sauerland Logistik GmbH", "assignedOn": "%s", "start": "%s", "plannedEnd": "%s"}]
                """.formatted(OPENED.plusMonths(1), OPENED.plusMonths(1), OPENED.plusMonths(19));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(batch(caseId, household("PM-" + UUID.randomUUID().toString().substring(0, 8), tooLong, "[]")))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].problems[0].field", equalTo("measures[0].plannedEnd"))
                .body("results[0].problems[0].reason", equalTo("§ 16(1) SGB II i.V.m. § 88 SGB III allows at most 12 months per assignment"));
        String wrongBasis = MEASURES.replace("\"legalBasis\": \"§ 16(1) SGB II i.V.m. § 45 SGB III\"", "\"legalBasis\": \"§ 16d SGB II\"");
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(batch(caseId, household("PM-" + UUID.randomUUID().toString().substring(0, 8), wrongBasis, "[]")))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].problems[0].field", equalTo("measures[0].legalBasis"));
        assertThat(column("select event_type from es_event where stream_id = ?", "placement-" + caseId)).isEmpty();
    }

    List<String> column(String sql, String parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
