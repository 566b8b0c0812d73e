package de.auseinerhand.benefits.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The stateless estimator as a portal calls it: real tokens, the OpenAPI examples, problem+json for bad input. */
@QuarkusTest
class CalculationApiTest {

    static final String PORTAL = TestTokens.portal("portal-demo", "05958032");

    @Test
    void theDocumentedExamplesGiveTheirAmounts() {
        given().auth().oauth2(PORTAL).contentType("application/json").body(CalculationResource.SINGLE_PARENT_EXAMPLE)
                .when().post("/api/v1/calculations")
                .then().statusCode(200)
                .body("totals.entitlement", equalTo(1492.68f))
                .body("totals.llu", equalTo(892.68f))
                .body("totals.kdu", equalTo(600.00f))
                .body("ruleSet", equalTo("2024-01"))
                .body("members.find { it.memberId == 'p1' }.needs.find { it.item == 'ADDITIONAL_NEED_SINGLE_PARENT' }.paragraph",
                        equalTo("§ 21(3) SGB II"));
        given().auth().oauth2(PORTAL).contentType("application/json").body(CalculationResource.WAGE_EXAMPLE)
                .when().post("/api/v1/calculations")
                .then().statusCode(200)
                .body("totals.entitlement", equalTo(671.00f))
                .body("totals.llu", equalTo(191.00f));
    }

    @Test
    void impossibleHouseholdsAreRefusedNamingTheField() {
        problem("""
                {"month": "2024-03", "municipality": "05958032",
                 "members": [{"id": "a", "role": "HEAD", "age": 30}, {"id": "b", "role": "PARTNER", "age": 12}],
                 "housing": {"rent": 500, "heating": 100}}""", "members[1].age");
        problem("""
                {"month": "2024-03", "municipality": "05958032",
                 "members": [{"id": "a", "role": "HEAD", "age": 30, "incomes": [{"kind": "EMPLOYMENT", "gross": -10}]}],
                 "housing": {"rent": 500, "heating": 100}}""", "members[0].incomes[0].gross");
        problem("""
                {"month": "2024-03", "municipality": "99999999",
                 "members": [{"id": "a", "role": "HEAD", "age": 30}], "housing": {"rent": 500, "heating": 100}}""", "municipality");
        problem("""
                {"month": "2019-03", "municipality": "05958032",
                 "members": [{"id": "a", "role": "HEAD", "age": 30}], "housing": {"rent": 500, "heating": 100}}""", "month");
        problem("""
                {"month": "2024-03", "municipality": "05958032", "members": [{"id": "a", "role": "HEAD", "age": 30}]}""", "housing");
        problem("""
                {"month": "2024-03", "municipality": "05958032",
                 "members": [{"id": "a", "role": "HEAD", "age": 30}], "housing": {"rent": 500.123, "heating": 100}}""", "housing.rent");
        problem("""
                {"month": "2024-03", "municipality": "05958032",
                 "members": [{"id": "a", "role": "HEAD", "age": 30}, {"id": "c", "role": "CHILD", "age": 40, "parentIds": ["a"]}],
                 "housing": {"rent": 500, "heating": 100}}""", "members[1].parentIds[0]");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblemsToo() {
        given().auth().oauth2(PORTAL).contentType("application/json").body("{\"month\": \"2024-13\"}")
                .when().post("/api/v1/calculations").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PORTAL).contentType("application/json").body("{\"month\": \"2024-03\", \"salary\": 5}")
                .when().post("/api/v1/calculations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheSizeLimitIsAProblemToo() {
        // a household is a few kilobytes: 100 KiB of members is refused before it is read, as problem+json
        String padding = "x".repeat(100 * 1024);
        given().auth().oauth2(PORTAL).contentType("application/json").body("{\"month\": \"2024-03\", \"note\": \"" + padding + "\"}")
                .when().post("/api/v1/calculations").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("type", equalTo("urn:aus-einer-hand:problem:request-too-large"));
        // under the limit the request reaches the API (and is judged on its content)
        given().auth().oauth2(PORTAL).contentType("application/json").body(CalculationResource.WAGE_EXAMPLE)
                .when().post("/api/v1/calculations").then().statusCode(200);
    }

    @Test
    void aTokenIsRequiredAndTheRuleSetsAreListed() {
        given().contentType("application/json").body(CalculationResource.WAGE_EXAMPLE).when().post("/api/v1/calculations")
                .then().statusCode(401);
        given().auth().oauth2(PORTAL).when().get("/api/v1/rule-sets").then().statusCode(200)
                .body("id", hasItem("2023-07")).body("find { it.id == '2026-01' }.validFrom", equalTo("2026-01-01"));
    }

    static void problem(String body, String field) {
        given().auth().oauth2(PORTAL).contentType("application/json").body(body)
                .when().post("/api/v1/calculations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors", org.hamcrest.Matchers.not(hasSize(0)));
    }
}
