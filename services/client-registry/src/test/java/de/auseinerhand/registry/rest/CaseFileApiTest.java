package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.benefits.NoticeKind;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.JobOfferClosed;
import de.auseinerhand.events.placement.JobOfferPublished;
import de.auseinerhand.events.placement.OfferClosure;
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

    /**
     * Issue 16 §4: the five best open offers for each employable member, with the points and reason of every factor, and
     * the member's proposals. The offers are chosen so that their points follow from the matching rules by hand (occupation
     * 40 for the sought KldB code, 30 for the same occupation at another level, 0 unrelated; requirements 25 by the share met;
     * distance 20 within 5 km; hours 10, in proportion when more than the client's maximum; availability 5 when the client
     * is available by the start).
     */
    @Test
    void theFileRanksTheOpenOffersForEachEmployableMemberWithReasons() {
        Api.Case c = Api.open(CW, MESCHEDE, TODAY.minusMonths(1).toString());
        String[] head = Api.register(CW, c, Api.person("HEAD", "Jana", "Kramer", "1990-04-02", "FEMALE", true));
        UUID jana = UUID.fromString(head[0]);
        String[] partner = Api.register(CW, new Api.Case(c.id(), head[1]), Api.person("PARTNER", "Tim", "Kramer", "1988-01-20", "MALE", true));
        UUID tim = UUID.fromString(partner[0]);
        String[] child = Api.register(CW, new Api.Case(c.id(), partner[1]), Api.person("CHILD", "Lea", "Kramer", "2019-06-01", "FEMALE", false));

        // Jana seeks 82102 (care assistant) within 30 km of Meschede, at most 30 h/week, available from today, one constraint
        TestEvents.publish(new ClientProfileRecorded(jana, List.of("Pflegebasiskurs"), List.of("82102"), 30,
                List.of("Kinderbetreuung bis 14 Uhr"), List.of("Deutsch"), true, 2, new BigDecimal("30"), TODAY), c.id(), MESCHEDE, 1);

        UUID employer = UUID.randomUUID();
        Map<String, UUID> offers = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, JobOfferPublished> publish = (key, o) -> {
            offers.put(key, o.offerId());
            TestEvents.publishOnStream(o, "offer-" + o.offerId(), o.municipality(), 1);
        };
        // A: sought code, both requirements met, in Meschede, 30 h, no start date: 40 + 25 + 20 + 10 + 5 = 100
        publish.accept("A", offer("82102", "Pflegehelferin Tagespflege", MESCHEDE, "30", null, List.of("Pflegebasiskurs"), List.of("deutsch")));
        // C: as A without requirements but 40 h of at most 30: hours 10 * 30 / 40 = 7 -> 97
        publish.accept("C", offer("82102", "Pflegehelfer/in Vollzeit", MESCHEDE, "40", null, List.of(), List.of()));
        // H: starts ten days before Jana is available: availability 0 -> 95
        publish.accept("H", offer("82102", "Pflegehelfer/in ab sofort", MESCHEDE, "30", TODAY.minusDays(10), List.of(), List.of()));
        // B: 82101, same occupation at another level: 30 -> 90
        publish.accept("B", offer("82101", "Helfer/in Altenpflege", MESCHEDE, "30", null, List.of(), List.of()));
        // D: sought code, the one requirement not met: requirements 0 -> 75
        publish.accept("D", offer("82102", "Pflegehelfer/in mit Examen", MESCHEDE, "30", null, List.of("Examen Altenpflege"), List.of()));
        // G: unrelated occupation: 0 + 25 + 20 + 10 + 5 = 60, sixth, not among the five
        publish.accept("G", offer("51312", "Lagerhelfer/in", MESCHEDE, "30", null, List.of(), List.of()));
        // E: a perfect offer in Marsberg, about 40 km away: beyond Jana's 30 km, not a candidate
        publish.accept("E", offer("82102", "Pflegehelfer/in Marsberg", "05958024", "30", null, List.of(), List.of()));
        // F: a perfect offer in Meschede that was filled: closed offers are no candidates
        JobOfferPublished f = offer("82102", "Pflegehelfer/in besetzt", MESCHEDE, "30", null, List.of(), List.of());
        publish.accept("F", f);
        TestEvents.publishOnStream(new JobOfferClosed(f.offerId(), f.employerId(), OfferClosure.FILLED, TODAY), "offer-" + f.offerId(), MESCHEDE, 2);

        // B was proposed to Jana already and the employer declined
        TestEvents.publish(new PlacementProposed(jana, offers.get("B"), new BigDecimal("0.90"), List.of("occupation 30/40")), c.id(), MESCHEDE, 2);
        TestEvents.publish(new PlacementOutcomeRecorded(jana, offers.get("B"), PlacementOutcome.REJECTED_BY_EMPLOYER, TODAY, "Stelle besetzt", null),
                c.id(), MESCHEDE, 3);

        String janaPath = "placement.assistance.find { it.personId == '" + jana + "' }";
        Eventually.assertSoon(() -> given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(200)
                .body(janaPath + ".lastProposals[0].outcome", equalTo("REJECTED_BY_EMPLOYER"))
                .body(janaPath + ".bestOffers.offerId", org.hamcrest.Matchers.not(hasItem(offers.get("F").toString()))));
        JsonPath file = given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(200).extract().jsonPath();

        // one entry per current employable member: Jana and Tim, not the child
        assertThat(file.getList("placement.assistance.personId")).containsExactlyInAnyOrder(jana.toString(), tim.toString());
        assertThat(file.getList("placement.assistance.personId")).doesNotContain(child[0]);
        Map<String, Object> janaView = file.getMap(janaPath);
        assertThat(janaView.get("name")).isEqualTo("Jana Kramer");
        assertThat(janaView.get("profileRecorded")).isEqualTo(true);
        assertThat(file.getList(janaPath + ".bestOffers.offerId")).containsExactly(offers.get("A").toString(), offers.get("C").toString(),
                offers.get("H").toString(), offers.get("B").toString(), offers.get("D").toString());
        assertThat(file.getList(janaPath + ".bestOffers.score", Integer.class)).containsExactly(100, 97, 95, 90, 75);
        assertThat(file.getList(janaPath + ".bestOffers.distanceKm", Integer.class)).containsOnly(0);
        assertThat(file.getList(janaPath + ".bestOffers.municipalityName")).containsOnly("Meschede");

        // every factor with its points and reason
        assertThat(file.getList(janaPath + ".bestOffers[0].factors.name")).containsExactly("occupation", "requirements", "distance", "hours",
                "availability");
        assertThat(file.getList(janaPath + ".bestOffers[0].factors.points", Integer.class)).containsExactly(40, 25, 20, 10, 5);
        assertThat(file.getString(janaPath + ".bestOffers[0].factors[0].reason")).isEqualTo("offered 82102 is sought");
        assertThat(file.getString(janaPath + ".bestOffers[1].factors.find { it.name == 'hours' }.reason"))
                .isEqualTo("40 h/week offered, at most 30 h/week possible; check the client's 1 recorded constraint");
        assertThat(file.getInt(janaPath + ".bestOffers[1].factors.find { it.name == 'hours' }.points")).isEqualTo(7);
        assertThat(file.getString(janaPath + ".bestOffers[2].factors.find { it.name == 'availability' }.reason"))
                .isEqualTo("available only from " + TODAY + ", start on " + TODAY.minusDays(10));
        assertThat(file.getString(janaPath + ".bestOffers[3].factors[0].reason")).contains("same occupation as sought 82102");
        assertThat(file.getString(janaPath + ".bestOffers[4].factors[1].reason")).isEqualTo("0 of 1 requirements met; missing: examen altenpflege");
        // the offer proposed before says so; the proposals with their outcome
        assertThat(file.getString(janaPath + ".bestOffers[3].proposalOutcome")).isEqualTo("REJECTED_BY_EMPLOYER");
        assertThat(file.getString(janaPath + ".bestOffers[0].proposalOutcome")).isNull();
        assertThat(file.getList(janaPath + ".lastProposals.offerId")).containsExactly(offers.get("B").toString());
        assertThat(file.getString(janaPath + ".moreHref")).isEqualTo("/api/v1/cases/" + c.id() + "/placement/persons/" + jana + "/offers");

        // Tim has no profile: nothing to rank
        String timPath = "placement.assistance.find { it.personId == '" + tim + "' }";
        assertThat(file.getBoolean(timPath + ".profileRecorded")).isFalse();
        assertThat(file.getList(timPath + ".bestOffers")).isEmpty();

        // an offer that closes leaves the list; the next one moves up
        TestEvents.publishOnStream(new JobOfferClosed(offers.get("A"), employer, OfferClosure.WITHDRAWN, TODAY), "offer-" + offers.get("A"), MESCHEDE, 2);
        Eventually.assertSoon(() -> given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(200)
                .body(janaPath + ".bestOffers.score", equalTo(List.of(97, 95, 90, 75, 60))));

        // erased: no longer ranked (and no longer named)
        String etag = given().auth().oauth2(CW).get("/api/v1/cases/{id}", c.id()).then().extract().header("ETag");
        Api.command(TestTokens.admin(), "/api/v1/cases/{id}/persons/{p}/erasure", etag, null, c.id(), jana).then().statusCode(200);
        given().auth().oauth2(CW).get("/api/v1/cases/{id}/file", c.id()).then().statusCode(200)
                .body("placement.assistance.personId", equalTo(List.of(tim.toString())));
    }

    private static JobOfferPublished offer(String occupation, String title, String municipality, String hours, LocalDate start,
            List<String> requirements, List<String> languages) {
        return new JobOfferPublished(UUID.randomUUID(), UUID.randomUUID(), occupation, title, municipality, new BigDecimal(hours), null, 1,
                requirements, start, languages, false);
    }

    List<String> auditActions(String caseId) {
        return de.auseinerhand.testsupport.TestAudit.actions(dataSource, caseId);
    }
}
