package de.auseinerhand.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.testsupport.ApiFuzz;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the registry's API, fuzzed from its OpenAPI document against a real household (libs/test-support
 * ApiFuzz): no 5xx, every error a problem+json, and no refused request wrote an event.
 */
@QuarkusTest
class ApiFuzzTest {
    @Inject
    DataSource dataSource;

    @Test
    void noRequestBreaksTheRegistryOrWritesWhenRefused() {
        String cw = TestTokens.caseworker("cw-fuzz", "05958036");
        String caseId = given().auth().oauth2(cw).contentType(ContentType.JSON).body(Map.of("municipality", "05958036"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("caseId");
        String personId = given().auth().oauth2(cw).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("role", "HEAD", "firstName", "Fuzz", "lastName", "Probe", "birthDate", "1980-05-01", "sex", "FEMALE", "employable", true))
                .post("/api/v1/cases/" + caseId + "/persons").then().statusCode(201).extract().path("personId");
        ApiFuzz fuzz = new ApiFuzz(cw, Map.of("caseId", caseId, "personId", personId), ApiFuzz.eventsOf(dataSource, caseId), 120);
        ApiFuzz.Result result = fuzz.run("/api/v1/", List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        assertThat(result.requests()).as("requests sent").isGreaterThan(1_000);
        assertThat(result.findings()).as("findings with seed " + ApiFuzz.seed()).isEmpty();
    }
}
