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
import java.util.List;
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

    /** The export is RFC 4180 CSV: names with commas, quotes and umlauts import again as they were exported. */
    @Test
    void whatIsExportedImportsAgainUnchanged() {
        List<String> names = new java.util.ArrayList<>(new de.auseinerhand.servicekit.reference.District(java.util.Optional.empty())
                .municipalities().stream().map(m -> "Jobcenter " + m.name()).toList());
        names.addAll(List.of("Kreis \"Nord\", Ost", "Müller, Schmidt & Söhne", "Landkreis „Süd“ – Zentrum", "A;B\tC"));
        StringBuilder csv = new StringBuilder("agency_id,name,state,comparison_type,month,K1,K3\n");
        for (int i = 0; i < names.size(); i++) {
            csv.append("RT").append(i).append(",\"").append(names.get(i).replace("\"", "\"\"")).append("\",NW,IIIb,2019-03,")
                    .append(-1 - i).append(".5,").append(i).append(".0\n");
        }
        given().auth().oauth2(ANALYST).contentType("text/csv; charset=UTF-8").body(csv.toString()).post("/api/v1/comparisons/imports").then()
                .statusCode(200).body("rows", equalTo(names.size())).body("values", equalTo(2 * names.size()));
        String exported = given().auth().oauth2(ANALYST).get("/api/v1/comparisons/figures?month=2019-03").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        // RFC 4180: a cell with a comma or a quote is quoted, its quotes doubled
        assertThat(exported).contains("\"Kreis \"\"Nord\"\", Ost\"").contains("\"Müller, Schmidt & Söhne\"").contains("Landkreis „Süd“ – Zentrum");
        // import the export again: same rows, same values, and the next export is identical
        given().auth().oauth2(ANALYST).contentType("text/csv; charset=UTF-8").body(exported).post("/api/v1/comparisons/imports").then().statusCode(200)
                .body("rows", equalTo(names.size())).body("values", equalTo(2 * names.size()));
        String again = given().auth().oauth2(ANALYST).get("/api/v1/comparisons/figures?month=2019-03").then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(exported);
        given().auth().oauth2(ANALYST).get("/api/v1/comparisons?month=2019-03&indicator=K1&mode=early&asOf=2019-04-30").then().statusCode(200)
                .body("agencies.find { it.agencyId == 'RT12' }.name", equalTo("Kreis \"Nord\", Ost"))
                .body("agencies.find { it.agencyId == 'RT12' }.value", equalTo(-13.5f));
        // an unclosed quote is a 400 naming the body, not a 500
        given().auth().oauth2(ANALYST).contentType("text/csv").body("agency_id,name,state,comparison_type,month,K1\n1,\"open,NW,IIIb,2019-03,1\n")
                .post("/api/v1/comparisons/imports").then().statusCode(400).contentType("application/problem+json");
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
        // numbers with absurd exponents are refused on their text, before any arithmetic (1e1000000 once took 75 s of CPU)
        given().auth().oauth2(ANALYST).contentType("text/csv")
                .body("agency_id,name,state,comparison_type,month,K1,K2\n1,A,NW,IIIb,2025-12,1e1000000,-1e-1000000\n")
                .post("/api/v1/comparisons/imports").then().statusCode(400).contentType("application/problem+json")
                .time(org.hamcrest.Matchers.lessThan(5_000L))
                .body("errors.field", hasItem("line 2.K1")).body("errors.field", hasItem("line 2.K2"));
        given().auth().oauth2(TestTokens.caseworker("cw", "05958004")).get("/api/v1/comparisons?month=2025-12&indicator=K1").then()
                .statusCode(403);
    }
}
