package de.auseinerhand.registry.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import de.auseinerhand.testsupport.Management;

/** What district IT operations and portal vendors rely on: health with its dependencies, metrics, the OpenAPI contract. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIncludesTheDatabaseAndKafka() {
        // the case-file consumer rejoins its group after the outage tests restarted the broker: ready within moments
        de.auseinerhand.testsupport.Eventually.assertSoon(() -> Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")));
        Management.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessAndMetricsShowHowFarThisReplicasClockIsFromTheDatabases() {
        // same machine, same clock: well within the tolerated skew (F22 runs one replica 5 min off in tools/chaos)
        de.auseinerhand.testsupport.Eventually.assertSoon(() -> Management.given().when().get("/q/health/ready").then().statusCode(200));
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'clock skew' }.data.withinMaxSkew", equalTo(true))
                .body("checks.find { it.name == 'clock skew' }.data.skewMillis", lessThan(5_000))
                .body("checks.find { it.name == 'clock skew' }.data.skewMillis", greaterThan(-5_000));
        Management.given().when().get("/q/metrics").then().statusCode(200).body(containsString("aeh_clock_skew_seconds"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        // issue 15 §3: anyone who can reach the API could read the metrics (and grow them); only the management port has them
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void answersGivenBeforeRoutingAddNoSeriesPerRawPath() {
        // a 431 (headers too large), a 414 (request line too long) and a 405 (no such method) on paths with a case number:
        // the HTTP metrics must not carry the raw path (it would name the case and grow without limit)
        String caseNumber = "BG-05958036-" + (100000 + new java.util.Random().nextInt(800000));
        given().header("X-Padding", "y".repeat(20_000)).when().get("/api/v1/cases/" + caseNumber).then().statusCode(431);
        given().when().get("/api/v1/cases/" + caseNumber + "/" + "x".repeat(5_000)).then().statusCode(414);
        given().when().delete("/api/v1/cases/" + caseNumber).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(405), equalTo(401)));
        given().when().get("/api/v1/no-such-thing/" + caseNumber).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(404), equalTo(401)));
        // a request a resource method takes is still counted under its template
        given().auth().oauth2(de.auseinerhand.testsupport.TestTokens.caseworker("cw-olsberg-ops", "05958036")).when()
                .get("/api/v1/cases/" + caseNumber).then().statusCode(404);
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics).doesNotContain(caseNumber).doesNotContain("xxxxxxxxxx")
                .contains("status=\"431\",uri=\"/UNMATCHED\"").contains("status=\"405\",uri=\"/UNMATCHED\"")
                .containsPattern("status=\"404\",uri=\"(/api/v1/cases/\\{caseId\\}|NOT_FOUND)\"");
    }

    @Test
    void prometheusMetricsShowTheOutbox() {
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("aeh_outbox_backlog"))
                .body(containsString("aeh_outbox_lag_seconds"))
                .body(containsString("aeh_outbox_leader"));
    }

    @Test
    void theOpenApiContractDescribesTheCaseEndpointsAndBearerAuth() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/cases'.post.summary", containsString("Open a case"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }
}
