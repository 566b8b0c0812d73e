package de.auseinerhand.benefits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The household benefit-calculation knows comes from the registry's events on the real broker. */
@QuarkusTest
class KnownCasesTest {

    static final String BRILON = "05958012";
    static final String WINTERBERG = "05958048";

    @Test
    void registryEventsBuildTheHouseholdAndResponsibilityMovesWithTheCase() throws Exception {
        String caseId = TestEvents.newCaseId(BRILON);
        TestEvents.publish(TestEvents.caseOpened(caseId, BRILON, LocalDate.of(2026, 2, 1)), caseId, BRILON, 1);
        TestEvents.publish(TestEvents.person(PersonRole.HEAD, YearMonth.of(1979, 5), Sex.MALE, true,
                LocalDate.of(2026, 2, 1)), caseId, BRILON, 2);
        TestEvents.publish(TestEvents.person(PersonRole.CHILD, YearMonth.of(2015, 9), Sex.FEMALE, false,
                LocalDate.of(2026, 2, 1)), caseId, BRILON, 3);
        String brilon = TestTokens.caseworker("cw-brilon-1", BRILON);
        String winterberg = TestTokens.caseworker("cw-winterberg-1", WINTERBERG);

        Eventually.assertSoon(() -> given().auth().oauth2(brilon).when().get("/api/v1/known-cases/{id}", caseId)
                .then().statusCode(200).body("municipality", equalTo(BRILON)).body("persons", hasSize(2))
                .body("persons.find { it.role == 'CHILD' }.birthYearMonth", equalTo("2015-09")));
        given().auth().oauth2(winterberg).when().get("/api/v1/known-cases/{id}", caseId).then().statusCode(404)
                .contentType("application/problem+json");
        // the read of members' data is audited per member; the refused attempt from another municipality leaves a trace too
        org.assertj.core.api.Assertions.assertThat(audit(caseId, "read-known-case")).isGreaterThanOrEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(audit(caseId, "denied")).isEqualTo(1);

        TestEvents.publish(new CaseMoved(BRILON, WINTERBERG, LocalDate.of(2026, 4, 1)), caseId, WINTERBERG, 4);
        Eventually.assertSoon(() -> given().auth().oauth2(winterberg).when().get("/api/v1/known-cases/{id}", caseId)
                .then().statusCode(200).body("municipality", equalTo(WINTERBERG)));
        given().auth().oauth2(brilon).when().get("/api/v1/known-cases/{id}", caseId).then().statusCode(404);
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    long audit(String caseId, String action) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select count(*) from audit_record where case_id = ? and action = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, action);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theReadEndpointNeedsAStaffToken() {
        given().when().get("/api/v1/known-cases/BG-05958012-000001").then().statusCode(401);
        given().auth().oauth2(TestTokens.portal("portal-demo", BRILON)).when()
                .get("/api/v1/known-cases/BG-05958012-000001").then().statusCode(403);
    }
}
