package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The registry's part of the migration import (issue 14 §1): a household of the old system becomes a case with the events
 * the API would have recorded, personal data encrypted, the migration named as actor; a second run writes nothing; a
 * household that breaks the format or the case's rules is rejected with its field and nothing of it is written.
 * Dates are relative to the test's today, so the test holds on any day.
 */
@QuarkusTest
class MigrationApiTest {
    static final String PATH = "/api/v1/admin/migration/households";
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = TestClock.today();
    /** The household opened four years ago, on the first of the month. */
    static final LocalDate OPENED = YearMonth.from(TODAY).minusYears(4).atDay(1);

    static ObjectNode household(String id) {
        ObjectNode h = JSON.createObjectNode();
        h.put("householdId", id).put("municipality", "05958032").put("openedOn", OPENED.toString());
        h.putArray("moves").addObject().put("on", OPENED.plusYears(2).toString()).put("to", "05958012");
        ArrayNode members = h.putArray("members");
        ObjectNode erika = members.addObject().put("personId", "P-1").put("customerNumber", "958A123456").put("role", "HEAD")
                .put("firstName", "Erika").put("lastName", "Alt").put("birthDate", "1986-02-11").put("sex", "FEMALE")
                .put("employable", true).put("singleParent", true).put("address", "Hauptstraße 1, 59872 Meschede")
                .put("joinedOn", OPENED.toString());
        ArrayNode unemployment = erika.putArray("unemployment");
        unemployment.addObject().put("from", OPENED.toString()).put("to", OPENED.plusMonths(15).toString());
        unemployment.addObject().put("from", OPENED.plusMonths(30).toString());
        erika.putArray("circumstances").addObject().put("from", OPENED.plusMonths(33).toString())
                .put("expectedDelivery", OPENED.plusMonths(38).toString());
        // a job after the first unemployment, for 14 months (net 79 % of the gross)
        erika.putArray("incomes").addObject().put("kind", "EMPLOYMENT").put("fromMonth", YearMonth.from(OPENED).plusMonths(16).toString())
                .put("toMonth", YearMonth.from(OPENED).plusMonths(29).toString()).put("gross", new BigDecimal("1900.00"))
                .put("net", new BigDecimal("1501.00")).put("socialContributions", new BigDecimal("399.00"));
        members.addObject().put("personId", "P-2").put("role", "CHILD").put("firstName", "Paul").put("lastName", "Alt")
                .put("birthDate", "2017-09-30").put("sex", "MALE").put("employable", false).put("joinedOn", OPENED.toString())
                .putArray("incomes").addObject().put("kind", "CHILD_BENEFIT").put("fromMonth", YearMonth.from(OPENED).toString())
                .put("gross", new BigDecimal("250.00")).put("net", new BigDecimal("250.00"));
        ArrayNode housing = h.putArray("housing");
        housing.addObject().put("from", OPENED.toString()).put("rent", new BigDecimal("380.00")).put("utilities", new BigDecimal("70.00"))
                .put("heating", new BigDecimal("85.00")).put("householdSize", 2);
        housing.addObject().put("from", OPENED.plusYears(2).toString()).put("rent", new BigDecimal("410.00")).put("utilities", new BigDecimal("75.00"))
                .put("heating", new BigDecimal("90.00")).put("householdSize", 2);
        ArrayNode cw = h.putArray("caseworkers");
        cw.addObject().put("function", "BENEFITS").put("caseworkerId", "lv-meschede-2").put("from", OPENED.toString());
        cw.addObject().put("function", "PLACEMENT").put("caseworkerId", "pv-brilon-1").put("from", OPENED.plusYears(2).toString());
        ObjectNode d = h.putArray("decisions").addObject().put("decisionId", "D-1").put("from", OPENED.toString())
                .put("to", OPENED.plusMonths(12).minusDays(1).toString()).put("provisional", false).put("total", new BigDecimal("1043.00"))
                .put("federalShare", new BigDecimal("563.00")).put("municipalShare", new BigDecimal("480.00"));
        d.putArray("members").addObject().put("personId", "P-1").put("llu", new BigDecimal("446.00")).put("kdu", new BigDecimal("240.00"));
        ((ArrayNode) d.get("members")).addObject().put("personId", "P-2").put("llu", new BigDecimal("117.00")).put("kdu", new BigDecimal("240.00"));
        return h;
    }

    static Map<String, Object> batch(String run, ObjectNode... households) {
        return Map.of("runId", run, "households", List.of(households));
    }

    @Test
    void aHouseholdOfTheOldSystemBecomesACaseOnceAndForAll() {
        String id = "ALT-" + UUID.randomUUID().toString().substring(0, 8);
        String run = "run-" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode broken = household(id + "-X");
        ((ObjectNode) broken.withArray("decisions").get(0)).put("total", new BigDecimal("1000.00"));

        ObjectNode crowded = household(id + "-Y");
        ((ObjectNode) crowded.withArray("housing").get(0)).put("householdSize", 1);

        JsonPath first = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(batch(run, household(id), broken, crowded))
                .post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("results[2].status")).isEqualTo("REJECTED");
        assertThat(first.getString("results[2].problems[0].field")).isEqualTo("housing[0].householdSize");
        assertThat(first.getString("results[0].status")).isEqualTo("MIGRATED");
        String caseId = first.getString("results[0].caseId");
        assertThat(caseId).matches("BG-05958032-[0-9]{6}");
        String erika = first.getString("results[0].persons.P-1");
        assertThat(first.getString("results[1].status")).isEqualTo("REJECTED");
        assertThat(first.getString("results[1].problems[0].field")).isEqualTo("decisions[0].total");
        assertThat(first.getString("results[1].problems[0].reason")).isEqualTo("is not federalShare + municipalShare (1043.00)");
        assertThat(first.getString("results[1].caseId")).isNull();

        // the case as the API shows it: moved to Brilon, members decrypted, case workers, unemployed since the second period
        String admin = TestTokens.admin();
        JsonPath view = given().auth().oauth2(admin).get("/api/v1/cases/{id}", caseId).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("municipality")).isEqualTo("05958012");
        assertThat(view.getString("openedOn")).isEqualTo(OPENED.toString());
        assertThat(view.getList("members.firstName")).containsExactly("Erika", "Paul");
        assertThat(view.getString("members[0].customerNumber")).isEqualTo("958A123456");
        assertThat(view.getString("members[0].unemployedSince")).isEqualTo(OPENED.plusMonths(30).toString());
        assertThat(view.getMap("caseworkers")).containsEntry("BENEFITS", "lv-meschede-2").containsEntry("PLACEMENT", "pv-brilon-1");
        assertThat(view.getString("members[0].personId")).isEqualTo(erika);
        // found by the person search like any registered person, in the town the case moved to
        given().auth().oauth2(admin).queryParam("customerNumber", "958A123456").get("/api/v1/persons").then().statusCode(200)
                .body("items.find { it.personId == '" + erika + "' }.lastName", equalTo("Alt"))
                .body("items.find { it.personId == '" + erika + "' }.municipality", equalTo("05958012"));

        // the events the API would have recorded, in business-date order, the migration as actor, health facts encrypted
        JsonPath history = given().auth().oauth2(admin).get("/api/v1/cases/{id}/history", caseId).then().statusCode(200).extract().jsonPath();
        // (per day: opening, joining, moving, case workers, facts such as incomes, unemployment, then the dwelling's costs)
        assertThat(history.getList("type")).containsExactly("registry.case-opened.v1", "registry.person-registered.v1",
                "registry.person-registered.v1", "registry.caseworker-assigned.v1", "registry.income-declared.v1",
                "registry.unemployment-started.v1", "registry.housing-costs-declared.v1", "registry.unemployment-ended.v1",
                "registry.income-declared.v1", "registry.case-moved.v1", "registry.caseworker-assigned.v1",
                "registry.housing-costs-declared.v1", "registry.unemployment-started.v1", "registry.circumstances-recorded.v1");
        // housing costs and incomes as the old system knew them: what benefit-calculation computes from after the go-live
        assertThat(history.getList("findAll { it.type == 'registry.housing-costs-declared.v1' }.data.effectiveFrom"))
                .containsExactly(OPENED.toString(), OPENED.plusYears(2).toString());
        assertThat(history.getList("findAll { it.type == 'registry.housing-costs-declared.v1' }.data.householdSize")).containsExactly(2, 2);
        assertThat(history.getList("findAll { it.type == 'registry.income-declared.v1' }.data.kind")).containsExactly("CHILD_BENEFIT", "EMPLOYMENT");
        assertThat(history.getList("findAll { it.type == 'registry.income-declared.v1' }.data.toMonth"))
                .containsExactly(null, YearMonth.from(OPENED).plusMonths(29).toString());
        assertThat(history.getList("actor")).containsOnly("migration:" + run);
        assertThat(history.getString("find { it.type == 'registry.circumstances-recorded.v1' }.data.pii")).isEqualTo("[encrypted personal data]");
        assertThat(history.getString("find { it.type == 'registry.circumstances-recorded.v1' }.data")).doesNotContain("expectedDelivery");

        // a second run writes nothing new and answers with the same case
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(batch(run + "-again", household(id))).post(PATH).then().statusCode(200)
                .body("results[0].status", equalTo("ALREADY_MIGRATED")).body("results[0].caseId", equalTo(caseId))
                .body("results[0].persons.P-1", equalTo(erika));
        given().auth().oauth2(admin).get("/api/v1/cases/{id}/history", caseId).then().body("size()", equalTo(14));

        // audited with the migration as actor
        given().auth().oauth2(admin).queryParam("caseId", caseId).get("/api/v1/audit-records").then().statusCode(200)
                .body("items.findAll { it.action == 'migrate-person' }.size()", equalTo(2))
                .body("items.find { it.action == 'migrate-household' }.actor", equalTo("migration:" + run));
    }

    @Test
    void theCaseRulesRejectAHouseholdAndNothingOfItIsWritten() {
        // a five-year-old registered unemployed: the format allows it, the case's rules do not
        String id = "ALT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode h = household(id);
        ((ObjectNode) h.withArray("members").get(1)).putArray("unemployment").addObject().put("from", OPENED.plusMonths(1).toString());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(batch("run-rules", h)).post(PATH).then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED")).body("results[0].problems[0].field", equalTo("date"))
                .body("results[0].problems[0].reason", equalTo("a person under 15 cannot be registered unemployed"));
        // not recorded as migrated: once fixed, a dry run accepts it without writing, and then it goes in
        ((ObjectNode) h.withArray("members").get(1)).remove("unemployment");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(batch("run-rules", h)).queryParam("dryRun", true)
                .post(PATH).then().statusCode(200).body("results[0].status", equalTo("ACCEPTED")).body("results[0].caseId", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(batch("run-rules", h)).post(PATH).then().statusCode(200)
                .body("results[0].status", equalTo("MIGRATED"));
    }

    @Test
    void aHouseholdTwiceInOneBatchBecomesOneCase() {
        // the batch's transaction fails on the second copy; written one by one, the first goes in and the second finds it
        String id = "ALT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode other = household(id + "-B");
        JsonPath r = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(batch("run-twice", household(id), other, household(id))).post(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("results.status")).containsExactly("MIGRATED", "MIGRATED", "ALREADY_MIGRATED");
        assertThat(r.getString("results[2].caseId")).isEqualTo(r.getString("results[0].caseId"));
        assertThat(r.getString("results[1].caseId")).isNotEqualTo(r.getString("results[0].caseId"));
    }

    @Test
    void onlyDistrictAdminsMigrateAndBatchesAreBounded() {
        given().auth().oauth2(TestTokens.caseworker("cw-meschede-1", "05958032")).contentType(ContentType.JSON)
                .body(batch("run-x", household("ALT-forbidden"))).post(PATH).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("runId", "bad run id", "households", List.of()))
                .post(PATH).then().statusCode(400).contentType("application/problem+json");
    }
}
