package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Search within the caller's municipalities, with cursor pagination. Names are unique to this test class. */
@QuarkusTest
class PersonSearchApiTest {

    static final String SCHMALLENBERG = "05958040";
    static final String BESTWIG = "05958008";
    static final String SCHMALLENBERG_WORKER = TestTokens.caseworker("cw-schmallenberg-1", SCHMALLENBERG);
    static final String BESTWIG_WORKER = TestTokens.caseworker("cw-bestwig-1", BESTWIG);

    @Test
    void findsByNamePrefixWithUmlautsBirthDateCustomerNumberAndCaseworker() {
        Api.Case c = Api.open(SCHMALLENBERG_WORKER, SCHMALLENBERG, "2025-01-02");
        Map<String, Object> head = Api.person("HEAD", "Jürgen", "Größlinger", "1966-06-16", "MALE", true);
        head.put("customerNumber", "987Z654321");
        String[] h = Api.register(SCHMALLENBERG_WORKER, c, head);
        String etag = Api.command(SCHMALLENBERG_WORKER, "/api/v1/cases/{id}/caseworkers", h[1],
                Map.of("caseworkerId", "cw-schmallenberg-7", "function", "CASE_MANAGEMENT", "effectiveFrom", "2025-01-02"),
                c.id()).then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(SCHMALLENBERG_WORKER).queryParam("lastName", "groessl").when().get("/api/v1/persons")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].caseId", equalTo(c.id()))
                .body("items[0].firstName", equalTo("Jürgen")).body("items[0].caseStatus", equalTo("OPEN"));
        given().auth().oauth2(SCHMALLENBERG_WORKER).queryParam("lastName", "Größ").queryParam("firstName", "Juer")
                .when().get("/api/v1/persons").then().body("items", hasSize(1));
        // every hit is a read of personal data: one audit record per hit, with the searcher and the person
        given().auth().oauth2(TestTokens.admin()).queryParam("caseId", c.id()).when().get("/api/v1/audit-records").then()
                .statusCode(200).body("items.findAll { it.action == 'search-hit' }", hasSize(2))
                .body("items.findAll { it.action == 'search-hit' }.personId", org.hamcrest.Matchers.everyItem(equalTo(h[0])))
                .body("items.findAll { it.action == 'search-hit' }.actor", org.hamcrest.Matchers.everyItem(equalTo("user:cw-schmallenberg-1")));
        given().auth().oauth2(SCHMALLENBERG_WORKER).queryParam("birthDate", "1966-06-16").when().get("/api/v1/persons")
                .then().body("items.personId", org.hamcrest.Matchers.hasItem(h[0]));
        given().auth().oauth2(SCHMALLENBERG_WORKER).queryParam("customerNumber", "987z654321").when().get("/api/v1/persons")
                .then().body("items", hasSize(1));
        given().auth().oauth2(SCHMALLENBERG_WORKER).queryParam("caseworker", "cw-schmallenberg-7").when()
                .get("/api/v1/persons").then().body("items", hasSize(1)).body("items[0].personId", equalTo(h[0]));
        // another municipality's worker finds nothing; a district admin does
        given().auth().oauth2(BESTWIG_WORKER).queryParam("lastName", "Größlinger").when().get("/api/v1/persons")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.admin()).queryParam("lastName", "Größlinger").when().get("/api/v1/persons")
                .then().body("items", hasSize(1));
        assertThat(etag).isEqualTo("\"3\"");
    }

    @Test
    void pagesThroughManyHitsWithACursorWithoutGapsOrRepeats() {
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Api.Case c = Api.open(BESTWIG_WORKER, BESTWIG, "2025-02-02");
            registered.add(Api.register(BESTWIG_WORKER, c, Api.person("HEAD", "Kind" + i, "Seitenweise", "1991-01-0" + (i + 1), "FEMALE", true))[0]);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = given().auth().oauth2(BESTWIG_WORKER).queryParam("lastName", "seitenweise").queryParam("limit", 2);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            var page = spec.when().get("/api/v1/persons").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.personId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(registered);
        given().auth().oauth2(BESTWIG_WORKER).queryParam("lastName", "seitenweise").queryParam("limit", 5).when()
                .get("/api/v1/persons").then().body("nextCursor", nullValue());
    }

    @Test
    void badSearchesAreProblemsNamingTheField() {
        given().auth().oauth2(BESTWIG_WORKER).when().get("/api/v1/persons").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("lastName"));
        given().auth().oauth2(BESTWIG_WORKER).queryParam("lastName", "x").queryParam("limit", 101).when()
                .get("/api/v1/persons").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(BESTWIG_WORKER).queryParam("lastName", "x").queryParam("limit", "ten").when()
                .get("/api/v1/persons").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(BESTWIG_WORKER).queryParam("birthDate", "16.06.1966").when()
                .get("/api/v1/persons").then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
        given().auth().oauth2(BESTWIG_WORKER).queryParam("lastName", "?!").when().get("/api/v1/persons").then().statusCode(400)
                .body("errors[0].field", equalTo("lastName"));
        given().auth().oauth2(BESTWIG_WORKER).queryParam("lastName", "x").queryParam("cursor", "garbage!").when()
                .get("/api/v1/persons").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("lastName", "x").when().get("/api/v1/persons")
                .then().statusCode(403);
    }
}
