package de.auseinerhand.registry.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What district IT operations and portal vendors rely on: health with its dependencies, metrics, the OpenAPI contract. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIncludesTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessAndMetricsShowHowFarThisReplicasClockIsFromTheDatabases() {
        // same machine, same clock: well within the tolerated skew (F22 runs one replica 5 min off in tools/chaos)
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'clock skew' }.data.withinMaxSkew", equalTo(true))
                .body("checks.find { it.name == 'clock skew' }.data.skewMillis", lessThan(5_000))
                .body("checks.find { it.name == 'clock skew' }.data.skewMillis", greaterThan(-5_000));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("aeh_clock_skew_seconds"));
    }

    @Test
    void prometheusMetricsShowTheOutbox() {
        given().when().get("/q/metrics").then().statusCode(200)
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
