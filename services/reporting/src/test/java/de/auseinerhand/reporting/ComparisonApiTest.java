package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Importing other agencies' published figures and ranking the district among them. */
@QuarkusTest
class ComparisonApiTest {
    static final String ANALYST = TestTokens.analyst();

    @Test
    void theDocumentedExampleFileImportsAndRanks() throws Exception {
        String csv = Files.readString(Path.of("../../docs/examples/comparison-figures.csv"));
        given().auth().oauth2(ANALYST).contentType("text/csv").body(csv).post("/api/v1/comparisons/imports").then().statusCode(200)
                .body("rows", equalTo(4)).body("values", equalTo(12));
        var response = given().auth().oauth2(ANALYST).get("/api/v1/comparisons?month=2025-12&indicator=K2&mode=early&asOf=2026-01-31")
                .then().statusCode(200)
                .body("agencies", hasSize(4))
                .body("comparisonType.group", equalTo("comparison type IIIb"))
                .extract().jsonPath();
        Float own = response.get("district.value");
        int typeSize = response.getInt("comparisonType.agencies");
        // three IIIb agencies (Märkischer Kreis, Soest, Garmisch-Partenkirchen) plus the district when it has a value
        assertThat(typeSize).isEqualTo(own == null ? 3 : 4);
        int stateSize = response.getInt("state.agencies");
        assertThat(stateSize).isEqualTo(own == null ? 3 : 4);
        if (own == null) {
            assertThat((Float) response.get("comparisonType.average")).isEqualTo(25.7f);
        }
    }

    @Test
    void aBrokenFileIsRefusedWholeNamingLineAndColumn() {
        given().auth().oauth2(ANALYST).contentType("text/csv")
                .body("agency_id,name,state,comparison_type,month,K1\n1,A,NW,IIIb,2025-12,-1.0\n2,B,NW,IIIb,2025-14,-2.0\n3,C,NW,IIIb,2025-12,abc\n")
                .post("/api/v1/comparisons/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 3.month")).body("errors.field", hasItem("line 4.K1"));
        given().auth().oauth2(ANALYST).get("/api/v1/comparisons?month=2025-12&indicator=K1&mode=early&asOf=2026-01-31").then()
                .statusCode(200).body("agencies.findAll { it.agencyId == '1' }", hasSize(0));
        given().auth().oauth2(ANALYST).contentType("text/csv").body("agency,K9\n").post("/api/v1/comparisons/imports").then().statusCode(400);
        given().auth().oauth2(TestTokens.caseworker("cw", "05958004")).get("/api/v1/comparisons?month=2025-12&indicator=K1").then()
                .statusCode(403);
    }
}
