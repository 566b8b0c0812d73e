package de.auseinerhand.benefits.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.migration.format.MigrationIds;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * benefit-calculation's part of the migration import (docs/migration.md): decisions and postings taken as the old system
 * decided them. Every expected amount below is the file's own, written by hand: nothing is recomputed.
 */
@QuarkusTest
class BenefitMigrationApiTest {

    static final String MESCHEDE = "05958032";
    static final String CASEWORKER = TestTokens.caseworker("cw-meschede-1", MESCHEDE);
    static final LocalDate TODAY = TestClock.today();
    /** Fourteen months ago: the first decision (12 months) and a second one that was terminated last month. */
    static final YearMonth START = YearMonth.from(TODAY).minusMonths(14);

    @Inject
    DataSource dataSource;

    static String household(String id, String extraPosting) {
        YearMonth second = START.plusMonths(12);
        return """
                {"householdId": "%1$s", "municipality": "05958032", "openedOn": "%2$s",
                 "members": [{"personId": "P1", "role": "HEAD", "firstName": "Erika", "lastName": "Muster", "birthDate": "1988-04-12",
                              "sex": "FEMALE", "employable": true, "joinedOn": "%2$s"}],
                 "decisions": [
                   {"decisionId": "D1", "from": "%2$s", "to": "%3$s", "provisional": false, "total": 1043.00, "federalShare": 563.00,
                    "municipalShare": 480.00, "members": [{"personId": "P1", "llu": 563.00, "kdu": 480.00}]},
                   {"decisionId": "D2", "from": "%4$s", "to": "%5$s", "provisional": false, "total": 600.00, "federalShare": 300.00,
                    "municipalShare": 300.00, "members": [{"personId": "P1", "llu": 300.00, "kdu": 300.00}],
                    "terminatedFrom": "%6$s", "terminationReason": "took up work"}],
                 "postings": [
                   {"month": "%7$s", "llu": 300.00, "kdu": 300.00, "reductions": 0.00, "payable": 600.00,
                    "members": [{"personId": "P1", "llu": 300.00, "kdu": 300.00, "reduction": 0.00, "payable": 600.00}]}%8$s]}
                """.formatted(id, START.atDay(1), START.plusMonths(11).atEndOfMonth(), second.atDay(1), second.plusMonths(11).atEndOfMonth(),
                second.plusMonths(1).atDay(16), second, extraPosting);
    }

    static String batch(String runId, String caseId, String household) {
        return "{\"runId\": \"" + runId + "\", \"households\": [{\"caseId\": \"" + caseId + "\", \"household\": " + household + "}]}";
    }

    static String newCaseId() {
        return "BG-" + MESCHEDE + "-" + String.format("%06d", ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    @Test
    void decisionsAndPostingsAreTakenAsDecidedOnceWithoutNoticesAndChangedFactsListThemForReview() throws SQLException {
        String hh = "BM-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = newCaseId();
        UUID person = MigrationIds.person(hh, "P1");
        // the registry's migrated events reach benefit-calculation (actor: the migration)
        TestEvents.publish(TestEvents.envelope(TestEvents.caseOpened(caseId, MESCHEDE, START.atDay(1)), caseId, MESCHEDE, 1,
                "migration:test"));
        TestEvents.publish(TestEvents.envelope(new PersonRegistered(person, PersonRole.HEAD, YearMonth.of(1988, 4), Sex.FEMALE, true, false,
                START.atDay(1), null, new EncryptedPii("pk-test", EncryptedPii.AES_256_GCM, "AAAAAAAAAAAAAAAA")), caseId, MESCHEDE, 2,
                "migration:test"));
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/known-cases/{id}", caseId).then().statusCode(200));

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch("bm-run", caseId, household(hh, "")))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("MIGRATED")).body("results[0].caseId", equalTo(caseId))
                // application, two decisions, the termination, the posting
                .body("results[0].events", equalTo(5));

        UUID d1 = MigrationIds.decision(hh, "D1");
        UUID d2 = MigrationIds.decision(hh, "D2");
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(200)
                .body("applicationFrom", equalTo(START.atDay(1).toString()))
                .body("decisions", hasSize(2))
                .body("decisions[0].decisionId", equalTo(d1.toString()))
                .body("decisions[0].schedule", hasSize(1))
                .body("decisions[0].schedule[0].ruleSet", equalTo("migrated"))
                .body("decisions[0].schedule[0].total", equalTo(1043.00f))
                .body("decisions[0].schedule[0].federalShare", equalTo(563.00f))
                .body("decisions[0].schedule[0].municipalShare", equalTo(480.00f))
                .body("decisions[0].schedule[0].perPerson[0].personId", equalTo(person.toString()))
                .body("decisions[1].decisionId", equalTo(d2.toString()))
                .body("decisions[1].terminatedFrom", equalTo(START.plusMonths(13).atDay(16).toString()))
                .body("decisions[1].schedule[0].total", equalTo(600.00f))
                .body("postedMonths", equalTo(List.of(START.plusMonths(12).toString())));
        assertThat(column("select envelope->>'actor' from es_event where stream_id = ? order by stream_version", "benefits-" + caseId))
                .hasSize(5).containsOnly("migration:bm-run");
        assertThat(column("select event_type from es_event where stream_id = ? order by stream_version", "benefits-" + caseId))
                .containsExactly("de.auseinerhand.benefits.application-received.v1", "de.auseinerhand.benefits.entitlement-decided.v1",
                        "de.auseinerhand.benefits.entitlement-decided.v1", "de.auseinerhand.benefits.monthly-entitlement-posted.v1",
                        "de.auseinerhand.benefits.entitlement-terminated.v1");
        // no notice for what the old system decided and sent; the posting run knows the month is posted
        assertThat(column("select source_event_id::text from notice_job where case_id = ?", caseId)).isEmpty();
        assertThat(column("select month from monthly_posting where case_id = ?", caseId)).containsExactly(START.plusMonths(12).toString());
        assertThat(column("select actor from audit_record where case_id = ? and action = 'migrate-benefits'", caseId)).containsExactly("migration:bm-run");

        // a second run writes nothing
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch("bm-run-2", caseId, household(hh, "")))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("ALREADY_MIGRATED")).body("results[0].caseId", equalTo(caseId));
        assertThat(column("select event_type from es_event where stream_id = ?", "benefits-" + caseId)).hasSize(5);

        // a fact recorded after the go-live, back-dated into the second decision: it is not recomputed, it is listed for a
        // case worker (the first decision ended before that month)
        TestEvents.publish(new IncomeDeclared(person, de.auseinerhand.events.registry.IncomeKind.EMPLOYMENT, START.plusMonths(12), null,
                new BigDecimal("800.00"), new BigDecimal("640.00"), new BigDecimal("160.00")), caseId, MESCHEDE, 3);
        Eventually.assertSoon(() -> given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/migration/review?limit=1000").then()
                .statusCode(200).body("findAll { it.caseId == '" + caseId + "' }.decisionId", equalTo(List.of(d2.toString())))
                .body("findAll { it.caseId == '" + caseId + "' }.fromMonth", equalTo(List.of(START.plusMonths(12).toString()))));
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(200)
                .body("decisions[1].schedule", hasSize(1)).body("decisions[1].schedule[0].total", equalTo(600.00f));
    }

    @Test
    void aPostingForAMonthNoDecisionCoversRejectsTheHouseholdAndADryRunWritesNothing() throws SQLException {
        String hh = "BM-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = newCaseId();
        YearMonth after = START.plusMonths(13);
        // the second decision is terminated from the 16th of START + 13: that month is covered, the next one is not
        String uncovered = """
                , {"month": "%1$s", "llu": 10.00, "kdu": 0.00, "reductions": 0.00, "payable": 10.00,
                   "members": [{"personId": "P1", "llu": 10.00, "kdu": 0.00, "reduction": 0.00, "payable": 10.00}]}
                """.formatted(after.plusMonths(1));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch("bm-run", caseId, household(hh, uncovered)))
                .post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].problems[0].field", equalTo("postings[1].month"))
                .body("results[0].problems[0].reason", equalTo("no decision covers " + after.plusMonths(1)));
        assertThat(column("select event_type from es_event where stream_id = ?", "benefits-" + caseId)).isEmpty();

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch("bm-run", caseId, household(hh, "")))
                .queryParam("dryRun", true).post("/api/v1/admin/migration/households").then().statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED")).body("results[0].events", equalTo(5));
        assertThat(column("select event_type from es_event where stream_id = ?", "benefits-" + caseId)).isEmpty();
        assertThat(column("select case_id from migrated_household where household_id = ?", hh)).isEmpty();
    }

    @Test
    void onlyDistrictAdminsMigrateAndACaseNumberIsChecked() {
        String hh = "BM-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(CASEWORKER).contentType("application/json").body(batch("bm-run", newCaseId(), household(hh, "")))
                .post("/api/v1/admin/migration/households").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch("bm-run", "case 1", household(hh, "")))
                .post("/api/v1/admin/migration/households").then().statusCode(400).contentType("application/problem+json");
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
