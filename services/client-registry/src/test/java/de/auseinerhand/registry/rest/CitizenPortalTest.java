package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import de.auseinerhand.testsupport.ApiFuzz;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Citizens through a portal (issue 15 §1): a citizen applies (the new case is linked to their account), sees and changes
 * only linked cases, links an existing one with a case worker's one-time code, and reaches nothing else. Citizen B tries
 * citizen A's case through every case endpoint of the OpenAPI document (BOLA).
 */
@QuarkusTest
class CitizenPortalTest {

    static final String MESCHEDE = "05958032";
    static final String PROBLEM = "application/problem+json";
    static final String WORKER = TestTokens.caseworker("cw-meschede-citizens", MESCHEDE);

    @Inject
    DataSource dataSource;

    static String citizen() {
        return "citizen-" + UUID.randomUUID();
    }

    static Response apply(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("municipality", MESCHEDE))
                .when().post("/api/v1/cases");
    }

    @Test
    void aCitizenAppliesThroughThePortalAndTheCaseIsTheirs() {
        String anna = citizen();
        String token = TestTokens.citizen(anna);
        Response opened = apply(token);
        opened.then().statusCode(201).body("openedOn", equalTo(TestClock.today().toString()));
        Api.Case c = new Api.Case(opened.path("caseId"), opened.header("ETag"));
        // the household and a change, as the citizen reports them
        String[] head = Api.register(token, c, Api.person("HEAD", "Anna", "Antrag", "1990-04-04", "FEMALE", true));
        Api.command(token, "/api/v1/cases/{id}/incomes", head[1], Map.of("personId", head[0], "kind", "EMPLOYMENT",
                "fromMonth", TestClock.today().toString().substring(0, 7), "gross", "520.00", "net", "520.00",
                "socialContributions", "0.00"), c.id()).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(200)
                .body("members[0].firstName", equalTo("Anna"));
        given().auth().oauth2(token).when().get("/api/v1/citizen/cases").then().statusCode(200)
                .body("caseId", equalTo(List.of(c.id()))).body("[0].status", equalTo("OPEN"));
        // one open case at a time, and the day of an application is today
        apply(token).then().statusCode(422).contentType(PROBLEM).body("code", equalTo("citizen-has-open-case"));
        given().auth().oauth2(TestTokens.citizen(citizen())).contentType(ContentType.JSON)
                .body(Map.of("municipality", MESCHEDE, "openedOn", TestClock.today().minusDays(30).toString()))
                .when().post("/api/v1/cases").then().statusCode(400).body("errors[0].field", equalTo("openedOn"));
        // what a case worker does stays theirs: closing, the history (it names staff), assigning case workers
        Api.command(token, "/api/v1/cases/{id}/close", "\"1\"", Map.of("effectiveFrom", TestClock.today().toString(), "reason", "x"),
                c.id()).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/history", c.id()).then().statusCode(403);
        given().auth().oauth2(token).queryParam("lastName", "Antrag").when().get("/api/v1/persons").then().statusCode(403);
        // the case worker sees that it came through the portal, and who
        JsonPath history = given().auth().oauth2(WORKER).when().get("/api/v1/cases/{id}/history", c.id()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("type", String.class)).startsWith("registry.case-opened.v1", "registry.citizen-linked.v1");
        assertThat(history.getList("actor", String.class)).containsOnly("citizen:" + anna + "@portal:" + TestTokens.PORTAL_CLIENT);
        assertThat(history.getString("[1].data.citizenId")).isEqualTo(anna);
        assertThat(history.getString("[1].data.link")).isEqualTo("APPLICATION");
        // and the audit names the citizen and the portal
        assertThat(audit(c.id(), "read-case")).contains(List.of("citizen:" + anna, "portal:" + TestTokens.PORTAL_CLIENT));
    }

    @Test
    void citizenBReachesNothingOfCitizenAsCaseThroughAnyEndpoint() {
        String anna = TestTokens.citizen(citizen());
        String ben = citizen();
        Response opened = apply(anna);
        Api.Case c = new Api.Case(opened.path("caseId"), opened.header("ETag"));
        String[] head = Api.register(anna, c, Api.person("HEAD", "Anna", "Geheim", "1985-05-05", "FEMALE", true));
        String benToken = TestTokens.citizen(ben);
        // every operation of the OpenAPI document on a case, with a valid example body, on citizen A's case and person, as B
        List<String> tried = new ArrayList<>();
        for (ApiFuzz.Baseline op : new ApiFuzz(benToken, Map.of("caseId", c.id(), "personId", head[0]), () -> 0L, 1)
                .baselines("/api/v1/cases", "{caseId}")) {
            Response r = op.send(benToken, head[1]);
            tried.add(op.method() + " " + op.path() + " -> " + r.statusCode());
            // 404 where the case is looked up; 403 where the operation is not one of a citizen's (configuration); 400 only
            // where the example body itself is refused, which the case's own case worker then gets as well
            assertThat(r.statusCode()).as(op.method() + " " + op.path()).isIn(400, 403, 404);
            if (r.statusCode() == 400) {
                assertThat(op.send(WORKER, head[1]).statusCode())
                        .as("the 400 of " + op.method() + " " + op.path() + " is the body's, not the caller's").isEqualTo(400);
            }
            assertThat(r.contentType()).as(op.method() + " " + op.path()).startsWith(PROBLEM);
            assertThat(r.asString()).as(op.method() + " " + op.path()).doesNotContain("Geheim");
        }
        assertThat(tried).as("case endpoints tried").hasSizeGreaterThan(10);
        // the operations a citizen may do, with bodies that are valid in every respect: the case is not B's (404)
        String month = TestClock.today().toString().substring(0, 7);
        for (Map.Entry<String, Map<String, Object>> op : Map.<String, Map<String, Object>>of(
                "/api/v1/cases/{id}/incomes", Map.of("personId", head[0], "kind", "EMPLOYMENT", "fromMonth", month, "gross", "100.00",
                        "net", "100.00", "socialContributions", "0.00"),
                "/api/v1/cases/{id}/move", Map.of("toMunicipality", "05958004", "effectiveFrom", TestClock.today().toString()),
                "/api/v1/cases/{id}/persons", Api.person("CHILD", "Kuckuck", "Ei", "2020-02-02", "MALE", false)).entrySet()) {
            Api.command(benToken, op.getKey(), head[1], op.getValue(), c.id()).then().statusCode(404).contentType(PROBLEM);
            tried.add("POST " + op.getKey() + " (valid body) -> 404");
        }
        assertThat(tried.stream().filter(t -> t.endsWith("404")).count()).as("endpoints that looked the case up: " + tried)
                .isGreaterThanOrEqualTo(6);
        given().auth().oauth2(benToken).when().get("/api/v1/citizen/cases").then().statusCode(200).body("", hasSize(0));
        // the probing is visible to the data-protection officer
        assertThat(audit(c.id(), "denied")).contains(List.of("citizen:" + ben, "portal:" + TestTokens.PORTAL_CLIENT));
        // and citizen A's case is unchanged: nothing B sent was written
        given().auth().oauth2(anna).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(200)
                .header("ETag", head[1]).body("members", hasSize(1));
    }

    @Test
    void aCaseWorkersActivationCodeLinksAnExistingCaseOnce() {
        Api.Case c = Api.open(WORKER, MESCHEDE, TestClock.today().minusDays(10).toString());
        Api.register(WORKER, c, Api.person("HEAD", "Carl", "Code", "1975-07-07", "MALE", true));
        String carl = TestTokens.citizen(citizen());
        given().auth().oauth2(carl).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(404);
        // a citizen cannot issue codes, not even for a case linked to them
        given().auth().oauth2(carl).when().post("/api/v1/cases/{id}/activation-codes", c.id()).then().statusCode(403);
        String first = given().auth().oauth2(WORKER).when().post("/api/v1/cases/{id}/activation-codes", c.id()).then()
                .statusCode(201).body("code", matchesPattern("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))
                .extract().path("code");
        String code = given().auth().oauth2(WORKER).when().post("/api/v1/cases/{id}/activation-codes", c.id()).then()
                .statusCode(201).extract().path("code");
        // a new code revokes the unused earlier one
        redeem(carl, first).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("activationCode"));
        // typed in lower case and without hyphens it is the same code
        redeem(carl, code.replace("-", "").toLowerCase()).then().statusCode(200).body("caseId", equalTo(c.id()))
                .body("members[0].firstName", equalTo("Carl"));
        given().auth().oauth2(carl).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(200);
        // single use: another citizen cannot use it again
        String dora = TestTokens.citizen(citizen());
        redeem(dora, code).then().statusCode(400);
        given().auth().oauth2(dora).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(404);
        redeem(dora, "ZZZZ-ZZZZ-ZZZZ").then().statusCode(400);
        redeem(dora, "not a code at all").then().statusCode(400);
        // the link is an event of the case, and the case worker can remove it
        JsonPath history = given().auth().oauth2(WORKER).when().get("/api/v1/cases/{id}/history", c.id()).then().extract().jsonPath();
        assertThat(history.getList("type", String.class)).contains("registry.citizen-linked.v1");
        String carlsId = history.getString("find { it.type == 'registry.citizen-linked.v1' }.data.citizenId");
        String etag = given().auth().oauth2(WORKER).when().get("/api/v1/cases/{id}", c.id()).then().extract().header("ETag");
        Api.command(WORKER, "/api/v1/cases/{id}/citizens/unlink", etag, Map.of("citizenId", carlsId, "reason", "wrong person"), c.id())
                .then().statusCode(200);
        given().auth().oauth2(carl).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(404);
        given().auth().oauth2(carl).when().get("/api/v1/citizen/cases").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aCitizensTokenFromAClientThatIsNoPortalIsRefused() {
        String token = TestTokens.citizen(citizen(), "aeh-cli");
        apply(token).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token).when().get("/api/v1/citizen/cases").then().statusCode(403);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        // e.g. Keycloak's admin-cli or the portal's sign-in client: same issuer and signature, not meant for these APIs
        String foreign = TestTokens.token("cw-meschede-citizens", java.util.Set.of("caseworker"), List.of(MESCHEDE), "Bearer",
                "portal-demo", "admin-cli");
        given().auth().oauth2(foreign).when().get("/api/v1/cases/BG-05958032-000001").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.citizen(citizen())).when().get("/api/v1/citizen/cases").then().statusCode(200)
                .body("", hasSize(0));
    }

    private static Response redeem(String token, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("activationCode", code))
                .when().post("/api/v1/citizen/cases");
    }

    /** (actor, via) of the case's audit records with the action. */
    private List<List<String>> audit(String caseId, String action) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select actor, via from audit_record where case_id = ? and action = ? order by id")) {
            ps.setString(1, caseId);
            ps.setString(2, action);
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(java.util.Arrays.asList(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
