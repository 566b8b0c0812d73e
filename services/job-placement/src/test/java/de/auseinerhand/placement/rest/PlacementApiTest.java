package de.auseinerhand.placement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureAssigned;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A client's placement life through the API with real tokens, fed by registry events on the real
 * broker: profile, matching, proposal and refusal (breach of duty), cooperation plan with review and
 * dispute, measures, integration and its end; scoping, conventions and the events on the topic.
 */
@QuarkusTest
class PlacementApiTest {

    static final String MESCHEDE = "05958032";
    static final String BRILON = "05958012";
    static final String CASEWORKER = TestTokens.caseworker("cw-meschede-7", MESCHEDE);
    static final String OTHER_TOWN = TestTokens.caseworker("cw-brilon-7", BRILON);
    static final LocalDate TODAY = TestClock.today();

    record Household(String caseId, UUID head, UUID child) {
    }

    /** An employable head and a child in Meschede, known to job-placement. */
    static Household household() {
        return household("cw-meschede-7");
    }

    static Household household(String placementCaseworker) {
        String caseId = TestEvents.newCaseId(MESCHEDE);
        PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1986, 5), Sex.FEMALE, true, TODAY.minusMonths(2));
        PersonRegistered child = TestEvents.person(PersonRole.CHILD, YearMonth.of(2019, 2), Sex.MALE, false, TODAY.minusMonths(2));
        TestEvents.publish(TestEvents.caseOpened(caseId, MESCHEDE, TODAY.minusMonths(2)), caseId, MESCHEDE, 1);
        // the registry creates each person's key at registration; here the key table is in the test's own database
        keys().encrypt(head.personId(), java.util.Map.of());
        keys().encrypt(child.personId(), java.util.Map.of());
        TestEvents.publish(head, caseId, MESCHEDE, 2);
        TestEvents.publish(child, caseId, MESCHEDE, 3);
        TestEvents.publish(new CaseworkerAssigned(placementCaseworker, CaseworkerFunction.PLACEMENT, TODAY.minusMonths(2)), caseId, MESCHEDE, 4);
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/known-cases/{id}", caseId).then()
                .statusCode(200).body("persons", hasSize(2)));
        return new Household(caseId, head.personId(), child.personId());
    }

    static de.auseinerhand.servicekit.keys.PersonKeys keys() {
        return io.quarkus.arc.Arc.container().instance(de.auseinerhand.servicekit.keys.PersonKeys.class).get();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String etag(String caseId) {
        return as(CASEWORKER).get("/api/v1/cases/{id}/placement", caseId).then().statusCode(200).extract().header("ETag");
    }

    /** An employer registered in {@code municipality} by {@code token}'s holder. */
    static String employer(String token, String municipality) {
        return as(token).body("{\"name\": \"Altenzentrum St. Walburga\", \"municipality\": \"%s\", \"industryCode\": \"87.10\"}"
                .formatted(municipality)).post("/api/v1/employers").then().statusCode(201).extract().path("employerId");
    }

    static String publishOffer(String token, String municipality, String code, String title) {
        return as(token).body("""
                {"employerId": "%s", "occupationCode": "%s", "title": "%s", "municipality": "%s", "hoursPerWeek": 30,
                 "wage": 15.50, "startDate": "%s", "positions": 1, "requirements": ["Pflegebasiskurs"], "languages": ["de"],
                 "drivingLicenceRequired": false}""".formatted(employer(token, municipality), code, title, municipality, TODAY.plusMonths(1)))
                .post("/api/v1/offers").then().statusCode(201).body("status", equalTo("PUBLISHED")).extract().path("offerId");
    }

    static final String PROFILE = """
            {"qualifications": ["Pflegebasiskurs"], "occupationsSought": ["82102"], "experienceYears": 2, "languages": ["de"],
             "drivingLicence": true, "mobilityRadiusKm": 25, "maxHoursPerWeek": 30, "constraints": ["childcare until 14:00"]}""";

    @Test
    void aClientsPlacementLifeRunsThroughTheApi() {
        Household h = household();
        String base = "/api/v1/cases/" + h.caseId() + "/placement/persons/" + h.head();
        assertThat(etag(h.caseId())).isEqualTo("\"0\"");

        // profile: If-Match is required and checked
        as(CASEWORKER).body(PROFILE).put(base + "/profile").then().statusCode(428);
        as(CASEWORKER).header("If-Match", "\"5\"").body(PROFILE).put(base + "/profile").then().statusCode(412);
        as(CASEWORKER).header("If-Match", "\"0\"").body(PROFILE).put(base + "/profile").then().statusCode(200)
                .header("ETag", "\"1\"").body("persons.find { it.personId == '%s' }.profile.mobilityRadiusKm".formatted(h.head()), equalTo(25));
        // only employable members
        as(CASEWORKER).header("If-Match", "\"1\"").body(PROFILE)
                .put("/api/v1/cases/" + h.caseId() + "/placement/persons/" + h.child() + "/profile").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("not-employable"))
                .body("errors[0].field", equalTo("personId"));

        // matching: the exact occupation in Meschede ranks first, with the reasons per factor
        String exact = publishOffer(CASEWORKER, MESCHEDE, "82102", "Pflegehelfer/in Meschede");
        String related = publishOffer(TestTokens.caseworker("cw-bestwig-1", "05958008"), "05958008", "82302", "Helfer/in Körperpflege Bestwig");
        Response offers = as(CASEWORKER).get(base + "/offers?limit=100");
        offers.then().statusCode(200);
        List<String> ids = offers.path("items.offerId");
        assertThat(ids).contains(exact, related);
        assertThat(ids.indexOf(exact)).isLessThan(ids.indexOf(related));
        offers.then().body("items.find { it.offerId == '%s' }.factors.find { it.name == 'occupation' }.reason".formatted(exact),
                equalTo("offered 82102 is sought"));
        as(CASEWORKER).get(base + "/offers?limit=1").then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
        as(CASEWORKER).get(base + "/offers?occupation=82a").then().statusCode(400).body("errors[0].field", notNullValue());

        // proposal with an idempotency key: a retry returns the first result
        String key = UUID.randomUUID().toString();
        String body = "{\"offerId\": \"" + exact + "\"}";
        Response first = as(CASEWORKER).header("Idempotency-Key", key).body(body).post(base + "/proposals");
        first.then().statusCode(201).header("ETag", "\"2\"");
        as(CASEWORKER).header("Idempotency-Key", key).body(body).post(base + "/proposals").then().statusCode(201)
                .header("ETag", "\"2\"");
        assertThat(etag(h.caseId())).isEqualTo("\"2\"");
        as(CASEWORKER).body(body).post(base + "/proposals").then().statusCode(422).body("code", equalTo("already-proposed"));

        // refusing the reasonable offer without an important reason is a breach of duty with the facts
        as(CASEWORKER).header("If-Match", "\"2\"").body("""
                {"outcome": "DECLINED_BY_CLIENT", "occurredOn": "%s", "reason": "does not want to work in care",
                 "withoutImportantReason": true}""".formatted(TODAY)).post(base + "/proposals/" + exact + "/outcome")
                .then().statusCode(200).header("ETag", "\"4\"")
                .body("persons.find { it.personId == '%s' }.breaches[0].kind".formatted(h.head()), equalTo("REFUSED_REASONABLE_OFFER"))
                .body("persons.find { it.personId == '%s' }.proposals[0].outcome".formatted(h.head()), equalTo("DECLINED_BY_CLIENT"));

        // cooperation plan: review at most six months ahead, then a dispute procedure
        as(CASEWORKER).body("""
                {"goals": ["work in care"], "steps": ["three applications a month"], "agreedOn": "%s", "reviewBy": "%s"}"""
                .formatted(TODAY, TODAY.plusMonths(7))).post(base + "/cooperation-plan").then().statusCode(422)
                .body("code", equalTo("review-too-late")).body("errors[0].field", equalTo("reviewBy"));
        as(CASEWORKER).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"goals": ["work in care"], "ownEfforts": ["three applications a month"], "steps": ["training course"],
                 "agreedOn": "%s", "reviewBy": "%s"}""".formatted(TODAY, TODAY.plusDays(10)))
                .post(base + "/cooperation-plan").then().statusCode(201).body("id", notNullValue());
        if (TODAY.isBefore(LocalDate.of(2026, 7, 1))) {
            as(CASEWORKER).header("If-Match", etag(h.caseId())).body("{\"startedOn\": \"%s\", \"subject\": \"hours\"}".formatted(TODAY))
                    .post(base + "/cooperation-plan/dispute").then().statusCode(200)
                    .body("persons.find { it.personId == '%s' }.cooperationPlan.dispute.endsAtLatest".formatted(h.head()),
                            equalTo(TODAY.plusWeeks(4).toString()));
            as(CASEWORKER).header("If-Match", etag(h.caseId())).body("{\"endedOn\": \"%s\", \"outcome\": \"AGREED\"}".formatted(TODAY.plusDays(3)))
                    .post(base + "/cooperation-plan/dispute/end").then().statusCode(200)
                    .body("persons.find { it.personId == '%s' }.cooperationPlan.dispute".formatted(h.head()), nullValue());
        } else {
            // the 13th amending act removed the dispute procedure of § 15a from 2026-07-01
            as(CASEWORKER).header("If-Match", etag(h.caseId())).body("{\"startedOn\": \"%s\", \"subject\": \"hours\"}".formatted(TODAY))
                    .post(base + "/cooperation-plan/dispute").then().statusCode(422).body("code", equalTo("dispute-procedure-repealed"))
                    .body("errors[0].field", equalTo("startedOn"));
        }
        as(CASEWORKER).get("/api/v1/cooperation-plan-reviews?dueBy=" + TODAY.plusDays(10)).then().statusCode(200)
                .body("items.personId", hasItem(h.head().toString()))
                .body("items.find { it.personId == '%s' }.caseworkerId".formatted(h.head()), equalTo("cw-meschede-7"));
        as(OTHER_TOWN).get("/api/v1/cooperation-plan-reviews?dueBy=" + TODAY.plusDays(10)).then().statusCode(200)
                .body("items.personId", not(hasItem(h.head().toString())));

        // measures from the catalogue
        as(CASEWORKER).body("{\"catalogueId\": \"nope\", \"provider\": \"x\", \"start\": \"%s\"}".formatted(TODAY))
                .post(base + "/measures").then().statusCode(400).body("errors[0].field", equalTo("catalogueId"));
        String measureId = as(CASEWORKER).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"catalogueId": "work-opportunity-16d", "provider": "Stadt Meschede", "start": "%s", "plannedEnd": "%s", "costs": 1200.00}"""
                .formatted(TODAY, TODAY.plusMonths(6))).post(base + "/measures").then().statusCode(201).extract().path("id");
        as(CASEWORKER).header("If-Match", etag(h.caseId())).body("{\"end\": \"%s\", \"result\": \"COMPLETED\"}".formatted(TODAY.plusMonths(1)))
                .post(base + "/measures/" + measureId + "/end").then().statusCode(200)
                .body("persons.find { it.personId == '%s' }.measures[0].legalBasis".formatted(h.head()), equalTo("§ 16d SGB II"))
                .body("persons.find { it.personId == '%s' }.measures[0].outcome".formatted(h.head()), equalTo("COMPLETED"));

        // integration and its end; the continuation check shows six months
        as(CASEWORKER).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"kind": "EMPLOYMENT_SV", "startDate": "%s", "employerId": "%s", "hoursPerWeek": 30, "monthlyWage": 2450.00}"""
                .formatted(TODAY.plusMonths(1), UUID.randomUUID())).post(base + "/integrations").then().statusCode(201)
                .body("placement.persons.find { it.personId == '%s' }.continuation[0].months".formatted(h.head()), hasSize(6));
        as(CASEWORKER).header("If-Match", etag(h.caseId())).body("{\"endDate\": \"%s\", \"reason\": \"probation\"}".formatted(TODAY.plusMonths(3)))
                .post(base + "/employment-end").then().statusCode(200)
                .body("persons.find { it.personId == '%s' }.employments[0].endDate".formatted(h.head()), equalTo(TODAY.plusMonths(3).toString()));

        // integration and measure events reach the topic as valid CloudEvents keyed by the case
        Eventually.assertSoon(() -> {
            List<EventEnvelope> mine = TestKafka.readAll(TestKafka.CASE_EVENTS).stream()
                    .filter(r -> h.caseId().equals(r.key())).map(ConsumerRecord::value).map(EventCodec.instance()::parse)
                    .filter(e -> e.type().startsWith("de.auseinerhand.placement.")).toList();
            assertThat(mine).extracting(EventEnvelope::type).contains("de.auseinerhand.placement.measure-started.v1",
                    "de.auseinerhand.placement.measure-ended.v1", "de.auseinerhand.placement.integration-recorded.v1",
                    "de.auseinerhand.placement.employment-ended.v1", "de.auseinerhand.placement.breach-of-duty-recorded.v1");
            EventEnvelope integration = mine.stream().filter(e -> e.type().contains("integration-recorded")).findFirst().orElseThrow();
            assertThat(integration.subject()).isEqualTo(h.caseId());
            assertThat(integration.municipality()).isEqualTo(MESCHEDE);
            assertThat(integration.source()).isEqualTo("/job-placement");
            assertThat(EventCodec.instance().decode(integration, IntegrationRecorded.class).monthlyWage()).isEqualByComparingTo("2450.00");
            // the free texts about the person travel only encrypted with the person's key (issue 13)
            List<String> raw = TestKafka.readAll(TestKafka.CASE_EVENTS).stream().filter(r -> h.caseId().equals(r.key()))
                    .map(ConsumerRecord::value).toList();
            assertThat(String.join("\n", raw)).doesNotContain("childcare until 14:00").doesNotContain("does not want to work in care")
                    .doesNotContain("three applications a month").doesNotContain("probation").contains("\"pii\"");
            EventEnvelope measure = mine.stream().filter(e -> e.type().contains("measure-started")).findFirst().orElseThrow();
            assertThat(EventCodec.instance().decode(measure, MeasureStarted.class).catalogueId()).isEqualTo("work-opportunity-16d");
        });
    }

    /** Measures are assigned first (limits checked then), started on the assignment, or withdrawn before their start. */
    @Test
    void measuresAreAssignedThenStartedOrWithdrawn() {
        Household h = household();
        String base = "/api/v1/cases/" + h.caseId() + "/placement/persons/" + h.head();
        String head = "persons.find { it.personId == '%s' }".formatted(h.head());
        LocalDate from = TODAY.plusDays(7);
        String assignment = """
                {"catalogueId": "work-opportunity-16d", "provider": "Stadt Meschede", "plannedStart": "%s", "plannedEnd": "%s",
                 "plannedCosts": 1200.00}""".formatted(from, from.plusMonths(6).minusDays(1));

        // validation names the field; the catalogue entry must exist
        as(CASEWORKER).body("{\"catalogueId\": \"work-opportunity-16d\", \"provider\": \"x\", \"plannedStart\": \"%s\"}".formatted(from))
                .post(base + "/measure-assignments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("plannedCosts")));
        as(CASEWORKER).body(assignment.replace("work-opportunity-16d", "nope")).post(base + "/measure-assignments").then()
                .statusCode(400).body("errors[0].field", equalTo("catalogueId"));

        // the assignment, idempotent under its key, shows as ASSIGNED with planned period, costs and who assigned it
        String key = UUID.randomUUID().toString();
        Response created = as(CASEWORKER).header("Idempotency-Key", key).body(assignment).post(base + "/measure-assignments");
        created.then().statusCode(201).header("ETag", "\"1\"")
                .body("placement." + head + ".measures[0].status", equalTo("ASSIGNED"))
                .body("placement." + head + ".measures[0].plannedStart", equalTo(from.toString()))
                .body("placement." + head + ".measures[0].plannedCosts", equalTo(1200.00f))
                .body("placement." + head + ".measures[0].assignedBy", equalTo("cw-meschede-7"))
                .body("placement." + head + ".measures[0].assignedOn", equalTo(TODAY.toString()))
                .body("placement." + head + ".measures[0].start", nullValue());
        String measureId = created.path("id");
        as(CASEWORKER).header("Idempotency-Key", key).body(assignment).post(base + "/measure-assignments").then().statusCode(201)
                .body("id", equalTo(measureId));
        as(CASEWORKER).get("/api/v1/cases/{id}/placement", h.caseId()).then().statusCode(200)
                .body(head + ".measures", hasSize(1)).body(head + ".measures[0].status", equalTo("ASSIGNED"));

        // overlap and the § 16d(6) limit are checked at assignment
        as(CASEWORKER).body(assignment).post(base + "/measure-assignments").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("measure-overlaps"))
                .body("errors[0].field", equalTo("plannedStart"));
        LocalDate later = from.plusMonths(7);
        as(CASEWORKER).body("""
                {"catalogueId": "work-opportunity-16d", "provider": "Stadt Meschede", "plannedStart": "%s", "plannedEnd": "%s",
                 "plannedCosts": 0}""".formatted(later, later.plusMonths(19))).post(base + "/measure-assignments").then().statusCode(422)
                .body("code", equalTo("assignment-limit-exceeded")).body("errors[0].field", equalTo("plannedEnd"));

        // the start refers to the assignment: If-Match required, not before the planned start, unknown ids refused
        String start = "{\"start\": \"%s\"}";
        as(CASEWORKER).body(start.formatted(from)).post(base + "/measures/" + measureId + "/start").then().statusCode(428);
        as(CASEWORKER).header("If-Match", "\"1\"").body(start.formatted(from.minusDays(1)))
                .post(base + "/measures/" + measureId + "/start").then().statusCode(422).body("errors[0].field", equalTo("start"));
        as(CASEWORKER).header("If-Match", "\"1\"").body(start.formatted(from))
                .post(base + "/measures/" + UUID.randomUUID() + "/start").then().statusCode(422)
                .body("code", equalTo("assignment-missing")).body("errors[0].field", equalTo("measureId"));
        as(CASEWORKER).header("If-Match", "\"1\"").body(start.formatted(from)).post(base + "/measures/" + measureId + "/start")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body(head + ".measures[0].status", equalTo("RUNNING"))
                .body(head + ".measures[0].start", equalTo(from.toString()))
                .body(head + ".measures[0].costs", equalTo(1200.00f));
        String withdrawal = "{\"withdrawnOn\": \"%s\", \"reason\": \"PROVIDER_CANCELLED\", \"remark\": \"group cancelled\"}"
                .formatted(TODAY);
        as(CASEWORKER).header("If-Match", "\"2\"").body(withdrawal).post(base + "/measures/" + measureId + "/withdrawal")
                .then().statusCode(422).body("code", equalTo("measure-started"));

        // a second assignment is withdrawn before its start
        String second = as(CASEWORKER).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"catalogueId": "debt-counselling-16a", "provider": "Diakonie Meschede", "plannedStart": "%s", "plannedCosts": 0.00}"""
                .formatted(TODAY.plusDays(3))).post(base + "/measure-assignments").then().statusCode(201).extract().path("id");
        as(CASEWORKER).header("If-Match", "\"3\"").body("{\"withdrawnOn\": \"%s\", \"reason\": \"NOPE\"}".formatted(TODAY))
                .post(base + "/measures/" + second + "/withdrawal").then().statusCode(400);
        as(CASEWORKER).header("If-Match", "\"3\"").body(withdrawal).post(base + "/measures/" + second + "/withdrawal")
                .then().statusCode(200).header("ETag", "\"4\"")
                .body(head + ".measures.find { it.measureId == '%s' }.status".formatted(second), equalTo("WITHDRAWN"))
                .body(head + ".measures.find { it.measureId == '%s' }.withdrawalReason".formatted(second), equalTo("PROVIDER_CANCELLED"));
        as(CASEWORKER).header("If-Match", "\"4\"").body(start.formatted(TODAY.plusDays(3)))
                .post(base + "/measures/" + second + "/start").then().statusCode(422).body("code", equalTo("assignment-withdrawn"));

        // the new events reach the topic as valid CloudEvents keyed by the case
        Eventually.assertSoon(() -> {
            List<EventEnvelope> mine = TestKafka.readAll(TestKafka.CASE_EVENTS).stream()
                    .filter(r -> h.caseId().equals(r.key())).map(ConsumerRecord::value).map(EventCodec.instance()::parse)
                    .filter(e -> e.type().startsWith("de.auseinerhand.placement.")).toList();
            assertThat(mine).extracting(EventEnvelope::type).containsExactly("de.auseinerhand.placement.measure-assigned.v1",
                    "de.auseinerhand.placement.measure-started.v1", "de.auseinerhand.placement.measure-assigned.v1",
                    "de.auseinerhand.placement.measure-assignment-withdrawn.v1");
            EventEnvelope assigned = mine.get(0);
            assertThat(assigned.subject()).isEqualTo(h.caseId());
            assertThat(assigned.municipality()).isEqualTo(MESCHEDE);
            assertThat(assigned.source()).isEqualTo("/job-placement");
            assertThat(assigned.streamid()).isEqualTo("placement-" + h.caseId());
            MeasureAssigned data = EventCodec.instance().decode(assigned, MeasureAssigned.class);
            assertThat(data.measureId()).hasToString(measureId);
            assertThat(data.catalogueId()).isEqualTo("work-opportunity-16d");
            assertThat(data.legalBasis()).isEqualTo("§ 16d SGB II");
            assertThat(data.plannedCosts()).isEqualByComparingTo("1200.00");
            assertThat(data.caseworkerId()).isEqualTo("cw-meschede-7");
            MeasureAssignmentWithdrawn withdrawn = EventCodec.instance().decode(mine.get(3), MeasureAssignmentWithdrawn.class);
            assertThat(withdrawn.reason()).isEqualTo("PROVIDER_CANCELLED");
            assertThat(withdrawn.measureId()).hasToString(second);
        });
    }

    /** "Aus einer Hand": the placement view shows what benefit-calculation decided, from its events on the topic. */
    @Test
    void thePlacementViewShowsTheCasesBenefits() {
        Household h = household();
        UUID decision = UUID.randomUUID();
        java.math.BigDecimal zero = new java.math.BigDecimal("0.00");
        var head = new de.auseinerhand.events.benefits.PersonEntitlement(h.head(), new java.math.BigDecimal("563.00"), List.of(),
                new java.math.BigDecimal("400.00"), zero, new java.math.BigDecimal("563.00"), new java.math.BigDecimal("400.00"),
                new java.math.BigDecimal("963.00"));
        TestEvents.publish(new de.auseinerhand.events.benefits.EntitlementDecided(decision,
                new de.auseinerhand.events.benefits.Period(TODAY.withDayOfMonth(1), TODAY.withDayOfMonth(1).plusMonths(12).minusDays(1)),
                false, "2026-01-01", List.of(head), new java.math.BigDecimal("963.00"), new java.math.BigDecimal("563.00"),
                new java.math.BigDecimal("400.00"), null, null, null), h.caseId(), MESCHEDE, 5);
        TestEvents.publish(new de.auseinerhand.events.benefits.BenefitReductionImposed(h.head(), 10, TODAY.withDayOfMonth(1),
                TODAY.withDayOfMonth(1).plusMonths(1).minusDays(1), "§ 31 SGB II refused offer"), h.caseId(), MESCHEDE, 6);
        Eventually.assertSoon(() -> as(CASEWORKER).get("/api/v1/cases/{id}/placement", h.caseId()).then().statusCode(200)
                .body("benefits.decision.decisionId", equalTo(decision.toString()))
                .body("benefits.decision.monthlyTotal", equalTo(963.00f))
                .body("benefits.reductions[0].percent", equalTo(10))
                .body("benefits.reductions[0].personId", equalTo(h.head().toString())));
    }

    @Test
    void theDueListOfReviewsIsOrderedByReviewDateAndPaged() {
        String caseworker = "cw-due-" + UUID.randomUUID();
        List<UUID> expected = new java.util.ArrayList<>();
        for (int days : new int[] {3, 1, 2}) {
            Household h = household(caseworker);
            as(CASEWORKER).body("""
                    {"goals": ["work"], "steps": ["apply"], "agreedOn": "%s", "reviewBy": "%s"}""".formatted(TODAY, TODAY.plusDays(days)))
                    .post("/api/v1/cases/{c}/placement/persons/{p}/cooperation-plan", h.caseId(), h.head()).then().statusCode(201);
            expected.add(h.head());
        }
        // by review date: the second household (1 day), the third (2 days), the first (3 days)
        List<UUID> byDate = List.of(expected.get(1), expected.get(2), expected.get(0));
        String due = "/api/v1/cooperation-plan-reviews";
        Response first = as(CASEWORKER).queryParam("caseworker", caseworker).queryParam("dueBy", TODAY.plusDays(3).toString())
                .queryParam("limit", 2).get(due);
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        List<String> page1 = first.path("items.personId");
        List<String> page2 = as(CASEWORKER).queryParam("caseworker", caseworker).queryParam("dueBy", TODAY.plusDays(3).toString())
                .queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor")).get(due).then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue()).extract().path("items.personId");
        assertThat(page1).containsExactly(byDate.get(0).toString(), byDate.get(1).toString());
        assertThat(page2).containsExactly(byDate.get(2).toString());
        as(CASEWORKER).queryParam("caseworker", caseworker).queryParam("dueBy", TODAY.plusDays(1).toString()).get(due)
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anErasedPersonIsNoLongerMatchedToOffers() {
        Household h = household();
        as(CASEWORKER).header("If-Match", "\"0\"").body(PROFILE)
                .put("/api/v1/cases/{c}/placement/persons/{p}/profile", h.caseId(), h.head()).then().statusCode(200);
        String offer = publishOffer(CASEWORKER, MESCHEDE, "82102", "Pflegehelfer/in");
        as(CASEWORKER).get("/api/v1/offers/" + offer + "/candidates?limit=100").then().statusCode(200)
                .body("items.personId", hasItem(h.head().toString()));
        String person = "persons.find { it.personId == '%s' }".formatted(h.head());
        as(CASEWORKER).get("/api/v1/cases/{c}/placement", h.caseId()).then().statusCode(200)
                .body(person + ".profile.constraints", contains("childcare until 14:00"));
        // the registry erases the person: the key goes, and with it every text about them in job-placement's log
        keys().erase(h.head());
        TestEvents.publish(new de.auseinerhand.events.registry.PersonDataErased(h.head()), h.caseId(), MESCHEDE, 5);
        Eventually.assertSoon(() -> as(CASEWORKER).get("/api/v1/offers/" + offer + "/candidates?limit=100").then().statusCode(200)
                .body("items.personId", not(hasItem(h.head().toString()))));
        as(CASEWORKER).get("/api/v1/cases/{c}/placement", h.caseId()).then().statusCode(200)
                .body(person + ".profile.constraints", hasSize(0)).body(person + ".profile.mobilityRadiusKm", equalTo(25));
    }

    @Test
    void aClosedCaseTakesNoNewPlacementFacts() {
        Household h = household();
        TestEvents.publish(new de.auseinerhand.events.registry.CaseClosed(TODAY, "income covers need"), h.caseId(), MESCHEDE, 5);
        Eventually.assertSoon(() -> as(CASEWORKER).get("/api/v1/known-cases/{id}", h.caseId()).then().statusCode(200)
                .body("closedOn", equalTo(TODAY.toString())));
        as(CASEWORKER).header("If-Match", "\"0\"").body(PROFILE)
                .put("/api/v1/cases/{c}/placement/persons/{p}/profile", h.caseId(), h.head()).then().statusCode(422)
                .body("code", equalTo("not-a-member"));
    }

    @Test
    void everyEndpointAnswers404OutsideTheCallersMunicipalities() {
        Household h = household();
        String base = "/api/v1/cases/" + h.caseId() + "/placement";
        String person = base + "/persons/" + h.head();
        as(CASEWORKER).header("If-Match", "\"0\"").body(PROFILE).put(person + "/profile").then().statusCode(200);
        String offer = publishOffer(CASEWORKER, MESCHEDE, "82102", "Pflegehelfer/in");
        String assignedHere = as(CASEWORKER).body("""
                {"catalogueId": "activation-45", "provider": "x", "plannedStart": "%s", "plannedCosts": 0}""".formatted(TODAY))
                .post(person + "/measure-assignments").then().statusCode(201).extract().path("id");

        as(OTHER_TOWN).get(base).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:aus-einer-hand:problem:not-found"));
        as(OTHER_TOWN).header("If-Match", "\"1\"").body(PROFILE).put(person + "/profile").then().statusCode(404);
        as(OTHER_TOWN).get(person + "/offers").then().statusCode(404);
        as(OTHER_TOWN).body("{\"offerId\": \"" + offer + "\"}").post(person + "/proposals").then().statusCode(404);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"outcome\": \"APPLIED\", \"occurredOn\": \"%s\"}".formatted(TODAY))
                .post(person + "/proposals/" + offer + "/outcome").then().statusCode(404);
        as(OTHER_TOWN).body("{\"goals\": [\"x\"], \"steps\": [\"y\"], \"agreedOn\": \"%s\", \"reviewBy\": \"%s\"}"
                .formatted(TODAY, TODAY.plusMonths(1))).post(person + "/cooperation-plan").then().statusCode(404);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"goals\": [\"x\"], \"steps\": [\"y\"], \"reviewedOn\": \"%s\", \"reviewBy\": \"%s\"}"
                .formatted(TODAY, TODAY.plusMonths(1))).post(person + "/cooperation-plan/reviews").then().statusCode(404);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"startedOn\": \"%s\"}".formatted(TODAY))
                .post(person + "/cooperation-plan/dispute").then().statusCode(404);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"endedOn\": \"%s\", \"outcome\": \"AGREED\"}".formatted(TODAY))
                .post(person + "/cooperation-plan/dispute/end").then().statusCode(404);
        as(OTHER_TOWN).body("{\"catalogueId\": \"activation-45\", \"provider\": \"x\", \"start\": \"%s\"}".formatted(TODAY))
                .post(person + "/measures").then().statusCode(404);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"end\": \"%s\", \"result\": \"COMPLETED\"}".formatted(TODAY))
                .post(person + "/measures/" + UUID.randomUUID() + "/end").then().statusCode(404);
        as(OTHER_TOWN).body("""
                {"catalogueId": "activation-45", "provider": "x", "plannedStart": "%s", "plannedCosts": 0}""".formatted(TODAY))
                .post(person + "/measure-assignments").then().statusCode(404).contentType("application/problem+json");
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"start\": \"%s\"}".formatted(TODAY))
                .post(person + "/measures/" + assignedHere + "/start").then().statusCode(404);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"withdrawnOn\": \"%s\", \"reason\": \"PLAN_CHANGED\"}".formatted(TODAY))
                .post(person + "/measures/" + assignedHere + "/withdrawal").then().statusCode(404);
        as(OTHER_TOWN).body("{\"kind\": \"SELF_EMPLOYMENT\", \"startDate\": \"%s\", \"hoursPerWeek\": 30}".formatted(TODAY))
                .post(person + "/integrations").then().statusCode(404);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"endDate\": \"%s\"}".formatted(TODAY))
                .post(person + "/employment-end").then().statusCode(404);
        // the offer itself is readable district-wide, but only its municipality closes it; its candidates are scoped
        as(OTHER_TOWN).get("/api/v1/offers/" + offer).then().statusCode(200);
        as(OTHER_TOWN).header("If-Match", "\"1\"").body("{\"closure\": \"FILLED\", \"closedOn\": \"%s\"}".formatted(TODAY))
                .post("/api/v1/offers/" + offer + "/close").then().statusCode(404);
        as(OTHER_TOWN).get("/api/v1/offers/" + offer + "/candidates?limit=100").then().statusCode(200)
                .body("items.personId", not(hasItem(h.head().toString())));
        as(CASEWORKER).get("/api/v1/offers/" + offer + "/candidates?limit=100").then().statusCode(200)
                .body("items.personId", hasItem(h.head().toString()));
        // the assignment is untouched by the other town's attempts
        as(CASEWORKER).get(base).then().statusCode(200)
                .body("persons.find { it.personId == '%s' }.measures[0].status".formatted(h.head()), equalTo("ASSIGNED"));
        // a person of another case is not found through this case
        as(CASEWORKER).header("If-Match", "\"1\"").body(PROFILE)
                .put(base + "/persons/" + UUID.randomUUID() + "/profile").then().statusCode(404);
        // analysts get no personal data
        as(TestTokens.analyst()).get(base).then().statusCode(403);
    }

    @Test
    void offersFollowTheirLifecycleAndTheConventions() {
        String employer = employer(CASEWORKER, MESCHEDE);
        as(CASEWORKER).body("""
                {"employerId": "%s", "occupationCode": "82102", "title": "x", "municipality": "%s", "hoursPerWeek": 30, "positions": 1}"""
                .formatted(UUID.randomUUID(), MESCHEDE)).post("/api/v1/offers").then().statusCode(422)
                .body("code", equalTo("employer-unknown")).body("errors[0].field", equalTo("employerId"));
        as(OTHER_TOWN).body("{\"name\": \"x\", \"municipality\": \"%s\"}".formatted(MESCHEDE)).post("/api/v1/employers")
                .then().statusCode(403);
        as(OTHER_TOWN).get("/api/v1/employers/" + employer).then().statusCode(200);
        as(OTHER_TOWN).body("""
                {"employerId": "%s", "occupationCode": "82102", "title": "x", "municipality": "%s", "hoursPerWeek": 30, "positions": 1}"""
                .formatted(UUID.randomUUID(), MESCHEDE)).post("/api/v1/offers").then().statusCode(403)
                .body("errors[0].field", equalTo("municipality"));
        as(CASEWORKER).body("""
                {"employerId": "%s", "occupationCode": "8210", "title": "x", "municipality": "%s", "hoursPerWeek": 30, "positions": 1}"""
                .formatted(UUID.randomUUID(), MESCHEDE)).post("/api/v1/offers").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("occupationCode")));
        as(CASEWORKER).body("""
                {"employerId": "%s", "occupationCode": "82102", "title": "x", "municipality": "%s", "hoursPerWeek": 30, "positions": 1,
                 "wage": 9.00}""".formatted(employer, MESCHEDE)).post("/api/v1/offers").then().statusCode(422)
                .body("code", equalTo("below-minimum-wage"));
        as(CASEWORKER).body("{\"employerId\": \"%s\", \"unknown\": 1}".formatted(UUID.randomUUID())).post("/api/v1/offers")
                .then().statusCode(400).body("errors[0].field", equalTo("unknown"));

        String key = UUID.randomUUID().toString();
        String body = """
                {"employerId": "%s", "occupationCode": "52202", "title": "Berufskraftfahrer/in", "municipality": "%s",
                 "hoursPerWeek": 40, "positions": 2, "drivingLicenceRequired": true}""".formatted(employer, MESCHEDE);
        String offer = as(CASEWORKER).header("Idempotency-Key", key).body(body).post("/api/v1/offers").then().statusCode(201)
                .header("ETag", "\"1\"").extract().path("offerId");
        as(CASEWORKER).header("Idempotency-Key", key).body(body).post("/api/v1/offers").then().statusCode(201)
                .body("offerId", equalTo(offer));
        as(CASEWORKER).header("Idempotency-Key", key).body(body.replace("40", "38")).post("/api/v1/offers").then().statusCode(422);
        as(CASEWORKER).body("{\"closure\": \"WITHDRAWN\", \"closedOn\": \"%s\"}".formatted(TODAY))
                .post("/api/v1/offers/" + offer + "/close").then().statusCode(428);
        as(CASEWORKER).header("If-Match", "\"1\"").body("{\"closure\": \"WITHDRAWN\", \"closedOn\": \"%s\"}".formatted(TODAY))
                .post("/api/v1/offers/" + offer + "/close").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("WITHDRAWN"));
        as(CASEWORKER).header("If-Match", "\"2\"").body("{\"closure\": \"FILLED\", \"closedOn\": \"%s\"}".formatted(TODAY))
                .post("/api/v1/offers/" + offer + "/close").then().statusCode(422).body("code", equalTo("offer-closed"));
        as(CASEWORKER).get("/api/v1/offers/" + UUID.randomUUID()).then().statusCode(404);
        as(CASEWORKER).get("/api/v1/measure-catalogue").then().statusCode(200)
                .body("measures.find { it.id == 'work-opportunity-16d' }.limit.maxMonths", equalTo(24));
    }
}
