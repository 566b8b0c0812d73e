package de.auseinerhand.benefits.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import de.auseinerhand.events.registry.CitizenLinkKind;
import de.auseinerhand.events.registry.CitizenLinked;
import de.auseinerhand.events.registry.CitizenUnlinked;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A citizen through a portal in benefit-calculation (issue 15 §1): the registry's citizen-linked event opens the case's
 * benefits to that citizen only; they apply (received today), see the state of their application and withdraw it while it
 * waits; deciding stays with staff, and a portal's own client sees nothing.
 */
@QuarkusTest
class CitizenBenefitsTest {

    static final String MESCHEDE = "05958032";
    static final String PROBLEM = "application/problem+json";
    static final LocalDate TODAY = TestClock.today();
    static final String CASEWORKER = TestTokens.caseworker("cw-meschede-1", MESCHEDE);

    @Inject
    DataSource dataSource;

    @Test
    void aLinkedCitizenAppliesSeesAndWithdrawsAndNobodyElseGetsIn() throws Exception {
        String anna = "citizen-" + UUID.randomUUID();
        String annaToken = TestTokens.citizen(anna);
        String benToken = TestTokens.citizen("citizen-" + UUID.randomUUID());
        String caseId = TestEvents.newCaseId(MESCHEDE);
        TestEvents.publish(TestEvents.caseOpened(caseId, MESCHEDE, TODAY), caseId, MESCHEDE, 1);
        TestEvents.publish(new CitizenLinked(anna, CitizenLinkKind.APPLICATION, TODAY), caseId, MESCHEDE, 2);
        TestEvents.publish(TestEvents.person(PersonRole.HEAD, YearMonth.of(1991, 3), Sex.FEMALE, true, TODAY), caseId, MESCHEDE, 3);
        TestEvents.publish(new HousingCostsDeclared(TODAY, new BigDecimal("390.00"), new BigDecimal("70.00"), BigDecimal.ZERO.setScale(2),
                1, null), caseId, MESCHEDE, 4);
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/known-cases/{id}", caseId).then().statusCode(200)
                .body("persons.size()", equalTo(1)));
        given().auth().oauth2(annaToken).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(200)
                .body("applicationFrom", nullValue());

        // another citizen, and the portal's own client, reach nothing of it
        given().auth().oauth2(benToken).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(404).contentType(PROBLEM);
        apply(benToken, caseId, "{}").then().statusCode(404).contentType(PROBLEM);
        String portal = TestTokens.portal(TestTokens.PORTAL_CLIENT);
        given().auth().oauth2(portal).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(403).contentType(PROBLEM);
        apply(portal, caseId, "{}").then().statusCode(403);

        // the citizen applies today; a date of their choosing is refused
        apply(annaToken, caseId, "{\"receivedOn\": \"" + TODAY.minusMonths(2) + "\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        apply(annaToken, caseId, "{}").then().statusCode(201).body("applicationFrom", equalTo(TODAY.withDayOfMonth(1).toString()));
        // deciding is the case worker's
        given().auth().oauth2(annaToken).contentType("application/json").header("If-Match", "\"1\"").body("{}")
                .post("/api/v1/cases/{id}/benefits/decisions", caseId).then().statusCode(403).contentType(PROBLEM);
        // B cannot withdraw A's application
        withdraw(benToken, caseId, "\"1\"").then().statusCode(404);
        withdraw(annaToken, caseId, "\"1\"").then().statusCode(200).body("applicationFrom", nullValue());
        withdraw(annaToken, caseId, "\"2\"").then().statusCode(422).body("code", equalTo("no-pending-application"));
        // the events name the citizen and the portal, the audit both separately
        assertThat(actorsOf(caseId)).containsOnly("citizen:" + anna + "@portal:" + TestTokens.PORTAL_CLIENT);
        assertThat(audit(caseId, "withdraw-application")).isEqualTo("citizen:" + anna + " via portal:" + TestTokens.PORTAL_CLIENT);

        // unlinked in the registry: the citizen no longer reaches the case here either
        TestEvents.publish(new CitizenUnlinked(anna, TODAY, "wrong person"), caseId, MESCHEDE, 5);
        Eventually.assertSoon(() -> given().auth().oauth2(annaToken).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(404));
    }

    @Test
    void citizenBReachesNothingOfCitizenAsBenefitsThroughAnyEndpoint() throws Exception {
        String anna = "citizen-" + UUID.randomUUID();
        String caseId = TestEvents.newCaseId(MESCHEDE);
        TestEvents.publish(TestEvents.caseOpened(caseId, MESCHEDE, TODAY), caseId, MESCHEDE, 1);
        TestEvents.publish(new CitizenLinked(anna, CitizenLinkKind.APPLICATION, TODAY), caseId, MESCHEDE, 2);
        TestEvents.publish(TestEvents.person(PersonRole.HEAD, YearMonth.of(1985, 8), Sex.MALE, true, TODAY), caseId, MESCHEDE, 3);
        Eventually.assertSoon(() -> given().auth().oauth2(TestTokens.citizen(anna)).get("/api/v1/cases/{id}/benefits", caseId)
                .then().statusCode(200));
        apply(TestTokens.citizen(anna), caseId, "{}").then().statusCode(201);
        long before = eventsOf(caseId);
        String ben = TestTokens.citizen("citizen-" + UUID.randomUUID());
        java.util.List<String> tried = new java.util.ArrayList<>();
        for (de.auseinerhand.testsupport.ApiFuzz.Baseline op : new de.auseinerhand.testsupport.ApiFuzz(ben,
                java.util.Map.of("caseId", caseId), () -> 0L, 1).baselines("/api/v1/cases", "{caseId}")) {
            Response r = op.send(ben, "\"1\"");
            tried.add(op.method() + " " + op.path() + " -> " + r.statusCode());
            // 404 where the case is looked up; 403 where citizens may not (roles, configuration); 400 only for the body
            assertThat(r.statusCode()).as(op.method() + " " + op.path()).isIn(400, 403, 404);
            assertThat(r.contentType()).as(op.method() + " " + op.path()).startsWith(PROBLEM);
        }
        assertThat(tried).as("benefit endpoints tried").hasSizeGreaterThan(8);
        assertThat(tried.stream().filter(t -> t.endsWith("404")).count()).as("looked the case up: " + tried).isGreaterThanOrEqualTo(3);
        assertThat(eventsOf(caseId)).as("nothing written for B").isEqualTo(before);
    }

    private long eventsOf(String caseId) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select count(*) from es_event where subject = ?")) {
            ps.setString(1, caseId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Response apply(String token, String caseId, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/cases/{id}/benefits/application", caseId);
    }

    private static Response withdraw(String token, String caseId, String etag) {
        return given().auth().oauth2(token).contentType("application/json").header("If-Match", etag)
                .post("/api/v1/cases/{id}/benefits/application/withdrawal", caseId);
    }

    private java.util.List<String> actorsOf(String caseId) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select distinct envelope->>'actor' from es_event where subject = ? and stream_id like 'benefits-%'")) {
            ps.setString(1, caseId);
            java.util.List<String> out = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private String audit(String caseId, String action) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select actor || ' via ' || via from audit_record where case_id = ? and action = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, action);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
