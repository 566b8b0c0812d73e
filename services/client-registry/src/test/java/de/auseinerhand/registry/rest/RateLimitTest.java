package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on the public side (issue 15 §3): a citizen gets 120 requests a minute (a minute's allowance at once, then
 * two a second), a portal client what its configuration says (the test profile gives {@code portal-small} 5); beyond that
 * 429 with Retry-After and problem+json. Staff are not limited here.
 */
@QuarkusTest
class RateLimitTest {

    @Test
    void aCitizenBeyondTheirMinutesAllowanceGets429WithRetryAfter() {
        String token = TestTokens.citizen("citizen-" + UUID.randomUUID());
        Response limited = null;
        int sent = 0;
        while (limited == null && sent < 200) {
            Response r = given().auth().oauth2(token).when().get("/api/v1/citizen/cases");
            sent++;
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        // 120 at once, plus what refilled meanwhile (two a second)
        assertThat(limited).as("429 within 200 requests").isNotNull();
        assertThat(sent).isBetween(121, 140);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.jsonPath().getString("detail")).contains("citizen rate limit");
        // another citizen of the same portal is not affected
        given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID())).when().get("/api/v1/citizen/cases")
                .then().statusCode(200);
        // nor is staff
        for (int i = 0; i < 150; i++) {
            given().auth().oauth2(TestTokens.caseworker("cw-rate", "05958032")).when().get("/api/v1/cases/BG-05958032-999999")
                    .then().statusCode(404);
        }
    }

    @Test
    void aPortalsLimitCountsAllItsCitizens() {
        // portal-small may make 5 requests a minute, for whichever citizens
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID(), "portal-small")).when()
                    .get("/api/v1/citizen/cases").then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID(), "portal-small")).when().get("/api/v1/citizen/cases")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.containsString("client rate limit"));
        // the other portal is not affected
        given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID())).when().get("/api/v1/citizen/cases")
                .then().statusCode(200);
    }
}
