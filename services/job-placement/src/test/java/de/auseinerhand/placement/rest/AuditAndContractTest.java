package de.auseinerhand.placement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Reads and writes of a person's placement data leave audit records; the OpenAPI document lists the API. */
@QuarkusTest
class AuditAndContractTest {

    @Inject
    DataSource dataSource;

    @Test
    void readsAndWritesOfPlacementDataAreAudited() throws Exception {
        PlacementApiTest.Household h = PlacementApiTest.household();
        String purpose = "placement interview " + UUID.randomUUID();
        PlacementApiTest.as(PlacementApiTest.CASEWORKER).header("If-Match", "\"0\"").header("X-Purpose", purpose)
                .body(PlacementApiTest.PROFILE)
                .put("/api/v1/cases/{c}/placement/persons/{p}/profile", h.caseId(), h.head()).then().statusCode(200);
        PlacementApiTest.as(PlacementApiTest.CASEWORKER).header("X-Purpose", purpose)
                .get("/api/v1/cases/{c}/placement/persons/{p}/offers", h.caseId(), h.head()).then().statusCode(200);
        PlacementApiTest.as(PlacementApiTest.CASEWORKER).header("X-Purpose", purpose)
                .get("/api/v1/cases/{c}/placement", h.caseId()).then().statusCode(200);

        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select action, actor, purpose from audit_record where case_id = ? and action <> 'read-known-case' order by id")) {
            // (the household's setup waited for the case through GET /api/v1/known-cases, itself audited, without a purpose)
            ps.setString(1, h.caseId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                    assertThat(rs.getString(2)).isEqualTo("user:cw-meschede-7");
                    assertThat(rs.getString(3)).isEqualTo(purpose);
                }
            }
        }
        assertThat(actions).contains("record-profile", "match-offers-for-client", "read-placement");
    }

    @Test
    void theOpenApiDocumentDescribesThePlacementApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/cases/{caseId}/placement"))
                .body("paths", hasKey("/api/v1/cases/{caseId}/placement/persons/{personId}/offers"))
                .body("paths", hasKey("/api/v1/offers/{offerId}/candidates"))
                .body("paths", hasKey("/api/v1/cooperation-plan-reviews"))
                .body("paths", hasKey("/api/v1/cases/{caseId}/placement/persons/{personId}/measure-assignments"))
                .body("paths", hasKey("/api/v1/cases/{caseId}/placement/persons/{personId}/measures/{measureId}/start"))
                .body("paths", hasKey("/api/v1/cases/{caseId}/placement/persons/{personId}/measures/{measureId}/withdrawal"));
    }
}
