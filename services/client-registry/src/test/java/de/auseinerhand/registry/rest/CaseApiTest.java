package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseApiTest {

    static final String MESCHEDE = "05958032";
    static final String ARNSBERG = "05958004";
    static final String MESCHEDE_WORKER = TestTokens.caseworker("cw-meschede-1", MESCHEDE);
    static final String ARNSBERG_WORKER = TestTokens.caseworker("cw-arnsberg-1", ARNSBERG);

    @Inject
    AgroalDataSource dataSource;

    static String openCase(String token, String municipality) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("municipality", municipality, "openedOn", "2026-03-02"))
                .when().post("/api/v1/cases")
                .then().statusCode(201).extract().path("caseId");
    }

    static Map<String, Object> head() {
        return Map.of("role", "HEAD", "firstName", "Erika", "lastName", "Mustermann", "birthDate", "1988-04-12",
                "sex", "FEMALE", "employable", true, "singleParent", true, "customerNumber", "123A456789");
    }

    @Test
    void aCaseWorkerOpensACaseAndRegistersItsMembers() {
        Response opened = given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON)
                .body(Map.of("municipality", MESCHEDE, "openedOn", "2026-03-02"))
                .when().post("/api/v1/cases");
        opened.then().statusCode(201)
                .header("Location", containsString("/api/v1/cases/BG-05958032-"))
                .header("ETag", "\"1\"")
                .body("municipality", equalTo(MESCHEDE))
                .body("municipalityName", equalTo("Meschede"))
                .body("status", equalTo("OPEN"))
                .body("members", hasSize(0));
        String caseId = opened.path("caseId");

        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(head()).when().post("/api/v1/cases/{id}/persons", caseId)
                .then().statusCode(201).header("ETag", "\"2\"")
                .body("personId", notNullValue()).body("firstName", equalTo("Erika"))
                .body("birthYearMonth", equalTo("1988-04"));
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("role", "CHILD", "firstName", "Max", "lastName", "Mustermann", "birthDate",
                        "2019-06-01", "sex", "MALE", "employable", false))
                .when().post("/api/v1/cases/{id}/persons", caseId)
                .then().statusCode(201).header("ETag", "\"3\"");

        given().auth().oauth2(MESCHEDE_WORKER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).header("ETag", "\"3\"")
                .body("version", equalTo(3))
                .body("members", hasSize(2))
                .body("members.firstName", hasItem("Max"))
                .body("members.birthDate", hasItem("1988-04-12"));
    }

    @Test
    void casesOfAnotherMunicipalityAnswer404ExactlyLikeMissingOnes() {
        String caseId = openCase(MESCHEDE_WORKER, MESCHEDE);
        String missing = given().auth().oauth2(ARNSBERG_WORKER).when().get("/api/v1/cases/BG-05958004-999999")
                .then().statusCode(404).contentType("application/problem+json").extract().asString();
        String foreign = given().auth().oauth2(ARNSBERG_WORKER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:aus-einer-hand:problem:not-found")).extract().asString();
        assertThat(foreign).isEqualTo(missing).doesNotContain(MESCHEDE).doesNotContain(caseId);
        given().auth().oauth2(ARNSBERG_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(head())
                .when().post("/api/v1/cases/{id}/persons", caseId)
                .then().statusCode(404).body(not(containsString("Mustermann")));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200);
    }

    @Test
    void aCaseWorkerCannotOpenACaseForAnotherMunicipality() {
        given().auth().oauth2(ARNSBERG_WORKER).contentType(ContentType.JSON)
                .body(Map.of("municipality", MESCHEDE)).when().post("/api/v1/cases")
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("municipality"));
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().when().get("/api/v1/cases/BG-05958032-000001").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("municipality", MESCHEDE)).when().post("/api/v1/cases")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/cases/BG-05958032-000001").then().statusCode(403);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() throws Exception {
        String caseId = openCase(MESCHEDE_WORKER, MESCHEDE);
        long before = eventCount();
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/cases").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:aus-einer-hand:problem:validation-failed"))
                .body("errors.field", hasItem("municipality"));
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).body(Map.of("municipality", "99999999"))
                .when().post("/api/v1/cases").then().statusCode(400).body("errors[0].field", equalTo("municipality"));
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON)
                .body(Map.of("municipality", MESCHEDE, "colour", "blue"))
                .when().post("/api/v1/cases").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).body("{\"municipality\": ")
                .when().post("/api/v1/cases").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON)
                .body(Map.of("municipality", MESCHEDE, "openedOn", "02.03.2026"))
                .when().post("/api/v1/cases").then().statusCode(400).body("errors[0].field", equalTo("openedOn"));
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("role", "HEAD"))
                .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(400)
                .body("errors.field", hasItem("firstName")).body("errors.field", hasItem("birthDate"));
        Map<String, Object> wrongRole = new java.util.HashMap<>(head());
        wrongRole.put("role", "BOSS");
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(wrongRole)
                .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        Map<String, Object> youngPartner = new java.util.HashMap<>(head());
        youngPartner.put("role", "PARTNER");
        youngPartner.put("birthDate", "2014-01-01");
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(youngPartner)
                .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("partner-must-be-adult"))
                .body("errors[0].field", equalTo("birthDate"));
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "banana")
                .body(head()).when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).body(head())
                .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aus-einer-hand:problem:precondition-required"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String caseId = openCase(MESCHEDE_WORKER, MESCHEDE);
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(head())
                .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(201);
        Map<String, Object> partner = new java.util.HashMap<>(head());
        partner.put("role", "PARTNER");
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(partner)
                .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(412)
                .contentType("application/problem+json").header("ETag", "\"2\"");
    }

    @Test
    void eventsReachTheTopicAsCloudEventsWithoutPlaintextPersonalData() {
        String caseId = openCase(MESCHEDE_WORKER, MESCHEDE);
        given().auth().oauth2(MESCHEDE_WORKER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(head())
                .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(201);
        Eventually.assertSoon(() -> {
            List<ConsumerRecord<String, String>> ofCase = TestKafka.readAll(TestKafka.CASE_EVENTS).stream()
                    .filter(r -> caseId.equals(r.key())).toList();
            assertThat(ofCase).hasSize(2);
            for (ConsumerRecord<String, String> r : ofCase) {
                EventEnvelope e = EventCodec.instance().parse(r.value());
                assertThat(e.subject()).isEqualTo(caseId);
                assertThat(e.source()).isEqualTo("/client-registry");
                assertThat(e.municipality()).isEqualTo(MESCHEDE);
                assertThat(e.actor()).isEqualTo("user:cw-meschede-1");
                EventCodec.instance().decode(e);
                assertThat(r.value()).doesNotContain("Erika").doesNotContain("Mustermann")
                        .doesNotContain("1988-04-12").doesNotContain("123A456789x");
                assertThat(new String(r.headers().lastHeader("content-type").value()))
                        .isEqualTo("application/cloudevents+json");
            }
            assertThat(ofCase.stream().map(r -> EventCodec.instance().parse(r.value()).type()))
                    .containsExactly("de.auseinerhand.registry.case-opened.v1",
                            "de.auseinerhand.registry.person-registered.v1");
        });
    }

    private long eventCount() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from es_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
