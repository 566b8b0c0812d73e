package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** Small client for the registry API in tests: a case with its current ETag. */
final class Api {

    private Api() {
    }

    record Case(String id, String etag) {
    }

    static Case open(String token, String municipality, String openedOn) {
        Response r = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("municipality", municipality, "openedOn", openedOn))
                .when().post("/api/v1/cases");
        r.then().statusCode(201);
        return new Case(r.path("caseId"), r.header("ETag"));
    }

    static Map<String, Object> person(String role, String first, String last, String born, String sex, boolean employable) {
        Map<String, Object> m = new HashMap<>();
        m.put("role", role);
        m.put("firstName", first);
        m.put("lastName", last);
        m.put("birthDate", born);
        m.put("sex", sex);
        m.put("employable", employable);
        return m;
    }

    /** Registers a member; returns the new person id and the case's new ETag. */
    static String[] register(String token, Case c, Map<String, Object> person) {
        Response r = given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", c.etag())
                .body(person).when().post("/api/v1/cases/{id}/persons", c.id());
        r.then().statusCode(201);
        return new String[] {r.path("personId"), r.header("ETag")};
    }

    /** POST a command with If-Match; returns the response for further checks. */
    static Response command(String token, String path, String etag, Object body, Object... pathParams) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (etag != null) {
            spec = spec.header("If-Match", etag);
        }
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.when().post(path, pathParams);
    }
}
