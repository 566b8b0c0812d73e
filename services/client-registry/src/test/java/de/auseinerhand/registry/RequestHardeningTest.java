package de.auseinerhand.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a careless or hostile client sends is refused with a problem+json naming what is wrong, never a 500 and never an
 * empty body (issue 15 §2): NUL characters in a body or a path, absurd dates, nulls inside lists, request lines and
 * headers beyond the limits, and requests without a valid token or the role.
 */
@QuarkusTest
class RequestHardeningTest {
    static final String PROBLEM = "application/problem+json";
    static final String CW = TestTokens.caseworker("cw-olsberg-1", "05958036");

    @Test
    void aNulCharacterInABodyIsRefusedNamingTheField() {
        given().auth().oauth2(CW).contentType(ContentType.JSON).body("{\"municipality\":\"0595\\u00008036\"}")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("municipality")).body("errors[0].message", containsString("NUL"));
    }

    @Test
    void aDateBeyondAnySensibleYearIsRefusedNamingTheField() {
        given().auth().oauth2(CW).contentType(ContentType.JSON).body("{\"municipality\":\"05958036\",\"openedOn\":\"+999999999-12-31\"}")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("openedOn"))
                .body("errors[0].message", containsString("between 1800-01-01 and 2199-12-31"));
        // a date in the future is refused by the domain, and a date past every database's range before it reaches one
        given().auth().oauth2(CW).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"effectiveFrom\":\"+999999999-12-31\",\"reason\":\"moved away\"}")
                .when().post("/api/v1/cases/BG-05958036-000001/close")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("effectiveFrom"));
    }

    @Test
    void aNullInsideAListIsRefusedNamingTheElement() {
        // the body is read before the case is looked up: no case is needed to see the refusal
        given().auth().oauth2(CW).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"effectiveFrom\":\"2026-01-01\",\"parentIds\":[null]}")
                .when().post("/api/v1/cases/BG-05958036-000001/persons/" + UUID.randomUUID() + "/circumstances")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", startsWith("parentIds")).body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void aNulCharacterInThePathIsRefused() {
        given().auth().oauth2(CW).urlEncodingEnabled(false).when().get("/api/v1/cases/BG-05958036-%00")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("NUL"));
    }

    @Test
    void anOverlongRequestLineAndOversizedHeadersAreRefusedAsProblems() {
        given().auth().oauth2(CW).when().get("/api/v1/cases/" + "x".repeat(5_000))
                .then().statusCode(414).contentType(PROBLEM).body("status", equalTo(414));
        given().auth().oauth2(CW).header("X-Padding", "y".repeat(20_000)).when().get("/api/v1/cases/BG-05958036-000001")
                .then().statusCode(431).contentType(PROBLEM).body("status", equalTo(431));
    }

    @Test
    void noTokenAForgedTokenAndAMissingRoleAreProblemsToo() {
        given().when().get("/api/v1/cases/BG-05958036-000001")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-token").when().get("/api/v1/cases/BG-05958036-000001")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
        // an ID token of the same user, signed by the same issuer, is no access token
        String idToken = TestTokens.token("cw-olsberg-1", java.util.Set.of("caseworker"), java.util.List.of("05958036"), "ID");
        given().auth().oauth2(idToken).contentType(ContentType.JSON).body("{\"municipality\":\"05958036\"}").when().post("/api/v1/cases")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(CW).contentType(ContentType.JSON).body("{\"municipality\":\"05958036\"}").when().post("/api/v1/cases")
                .then().statusCode(201);
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("{\"municipality\":\"05958036\"}")
                .when().post("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
    }
}
