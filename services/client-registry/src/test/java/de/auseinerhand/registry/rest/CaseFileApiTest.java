package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.benefits.NoticeKind;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.PlacementOutcome;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The case file through the API: the registry's own state and events together with the decisions, notices and placement
 * steps the other services published on case-events (sent here as they would arrive), described in German in
 * business-date order; decrypted names for staff of the municipality, 404 elsewhere, 403 for citizens, audited; an erased
 * member appears as "gelöscht".
 */
@QuarkusTest
class CaseFileApiTest {
    static final String MESCHEDE = "05958032";
    static final String CW = TestTokens.caseworker("cw-meschede-1", MESCHEDE);
    static final String OTHER_TOWN = TestTokens.caseworker("cw-brilon-1", "05958012");
    static final LocalDate TODAY = TestClock.today();
    static final DateTimeFormatter DE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void oneReadShowsTheHouseholdAsAllThreeServicesKnowIt() {
        Api.Case c = Api.open(CW, MESCHEDE, TODAY.minusMonths(2).toString());
        String[] head = Api.register(CW, c, Api.person("HEAD", "Erika", "Muster", "1986-02-11", "FEMALE", true));
        UUID erika = UUID.fromString(head[0]);
        String[] child = Api.register(CW, new Api.Case(c.id(), head[1]), Api.person("CHILD", "Paul", "Muster", "2017-09-30", "MALE", false));
        UUID paul = UUID.fromString(child[0]);

        // what benefit-calculation and job-placement published about the case
        LocalDate from = YearMonth.from(TODAY).atDay(1);
        LocalDate to = YearMonth.from(TODAY).plusMonths(11).atEndOfMonth();
        UUID decision = UUID.randomUUID();
        TestEvents.publish(new EntitlementDecided(decision, new Period(from, to), false, "2026-07", List.of(), new BigDecimal("1489.00"),
                new BigDecimal("1009.00"), new BigDecimal("480.00"), null, null, null), c.id(), MESCHEDE, 1);
        UUID notice = UUID.randomUUID();
        TestEvents.publish(new NoticeIssued(notice, NoticeKind.DECISION, UUID.randomUUID(), decision, erika, TODAY, "bescheid-v1",
                "ab".repeat(32), 30_000), c.id(), MESCHEDE, 1);
        UUID plan = UUID.randomUUID();
        TestEvents.publish(new CooperationPlanAgreed(plan, erika, List.of(), List.of(), TODAY.plusMonths(6), List.of(), TODAY.minusDays(3), null, null),
                c.id(), MESCHEDE, 1);
        UUID offer = UUID.randomUUID();
        TestEvents.publish(new PlacementProposed(erika, offer, new BigDecimal("0.82"), List.of("occupation matches")), c.id(), MESCHEDE, 2);
        TestEvents.publish(new PlacementOutcomeRecorded(erika, offer, PlacementOutcome.HIRED, TODAY.minusDays(1), null, null), c.id(), MESCHEDE, 3);
        TestEvents.publish(new IntegrationRecorded(erika, IntegrationKind.EMPLOYMENT_SV, TODAY.plusDays(14), null, new BigDecimal("30"), null,
                new BigDecimal("1800.00")), c.id(), MESCHEDE, 4);

        Eventually.assertSoon(() -> given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(200)
                .body("placement.integrations.size()", equalTo(1)));
        JsonPath file = given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(200).extract().jsonPath();

        assertThat(file.getString("municipalityName")).isEqualTo("Meschede");
        assertThat(file.getList("members.name")).containsExactlyInAnyOrder("Erika Muster", "Paul Muster");
        Map<String, Object> erikaView = file.getMap("members.find { it.name == 'Erika Muster' }");
        assertThat(erikaView.get("eligibleEmployable")).isEqualTo(true);
        assertThat(erikaView.get("birthDate")).isEqualTo("1986-02-11");
        assertThat(file.getBoolean("members.find { it.name == 'Paul Muster' }.eligibleEmployable")).isFalse();

        assertThat(file.getString("benefits.inForce.decisionId")).isEqualTo(decision.toString());
        assertThat(file.getDouble("benefits.inForce.monthlyTotal")).isEqualTo(1489.00);
        assertThat(file.getDouble("benefits.inForce.federalShare")).isEqualTo(1009.00);
        assertThat(file.getDouble("benefits.inForce.municipalShare")).isEqualTo(480.00);
        assertThat(file.getString("benefits.inForce.sheetHref"))
                .isEqualTo("/api/v1/cases/" + c.id() + "/benefits/decisions/" + decision + "/sheets/" + YearMonth.from(TODAY));
        assertThat(file.getString("benefits.notices[0].href")).isEqualTo("/api/v1/cases/" + c.id() + "/benefits/notices/" + notice);
        assertThat(file.getString("placement.plans[0].reviewBy")).isEqualTo(TODAY.plusMonths(6).toString());
        assertThat(file.getString("placement.proposals[0].outcome")).isEqualTo("HIRED");
        assertThat(file.getString("placement.integrations[0].kind")).isEqualTo("EMPLOYMENT_SV");

        List<String> descriptions = file.getList("timeline.description");
        assertThat(descriptions).contains("Fall in Meschede eröffnet",
                "Erika Muster als antragstellende Person aufgenommen (erwerbsfähig)",
                "Paul Muster als Kind aufgenommen",
                "Bewilligung " + DE.format(from) + " bis " + DE.format(to) + ": 1.489,00 € monatlich",
                "Bescheid erstellt (Bewilligung)",
                "Kooperationsplan mit Erika Muster vereinbart, Überprüfung bis " + DE.format(TODAY.plusMonths(6)),
                "Vermittlungsvorschlag für Erika Muster: eingestellt",
                "Erika Muster nimmt ab " + DE.format(TODAY.plusDays(14)) + " eine sozialversicherungspflichtige Beschäftigung auf");
        List<String> dates = file.getList("timeline.businessDate");
        assertThat(dates).as("business-date order").isSortedAccordingTo(String::compareTo);
        assertThat(file.getList("timeline.service")).contains("client-registry", "benefit-calculation", "job-placement");
        // the registry's own events name the case worker who acted, as their token called them
        assertThat(file.getString("timeline.find { it.description == 'Fall in Meschede eröffnet' }.actorName")).isEqualTo("cw-meschede-1");

        // scoping and audit
        given().auth().oauth2(OTHER_TOWN).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID())).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(403);
        assertThat(auditActions(c.id())).contains("read-case-file");

        // erasure: the person is "gelöscht" in the members and every line that named her
        String etag = given().auth().oauth2(CW).get("/api/v1/cases/{id}", c.id()).then().extract().header("ETag");
        Api.command(TestTokens.admin(), "/api/v1/cases/{id}/persons/{p}/erasure", etag, null, c.id(), paul).then().statusCode(200);
        JsonPath after = given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("members.name")).containsExactlyInAnyOrder("Erika Muster", "gelöscht");
        assertThat(after.getList("timeline.description")).contains("gelöscht als Kind aufgenommen").doesNotContain("Paul Muster als Kind aufgenommen");
        given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().body("timeline.type", hasItem("registry.person-data-erased.v1"));
    }

    List<String> auditActions(String caseId) {
        return de.auseinerhand.testsupport.TestAudit.actions(dataSource, caseId);
    }
}
