package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import de.auseinerhand.events.EventCodec;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A whole case's registry life through the API, as a case worker and a portal would run it. */
@QuarkusTest
class CaseLifecycleApiTest {

    static final String MARSBERG = "05958024";
    static final String WINTERBERG = "05958048";
    static final String MARSBERG_WORKER = TestTokens.caseworker("cw-marsberg-1", MARSBERG);
    static final String WINTERBERG_WORKER = TestTokens.caseworker("cw-winterberg-1", WINTERBERG);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCaseLivesThroughItsWholeRegistryLife() {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-01-06");
        String[] head = Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Jana", "Köhler", "1984-02-29", "FEMALE", true));
        c = new Api.Case(c.id(), head[1]);
        String[] partner = Api.register(MARSBERG_WORKER, c, Api.person("PARTNER", "Tom", "Köhler", "1982-07-01", "MALE", true));
        c = new Api.Case(c.id(), partner[1]);
        String[] child = Api.register(MARSBERG_WORKER, c, Api.person("CHILD", "Lia", "Köhler", "2016-05-20", "FEMALE", false));
        String etag = child[1];

        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/caseworkers", etag,
                Map.of("caseworkerId", "cw-marsberg-1", "function", "BENEFITS", "effectiveFrom", "2025-01-06"), c.id())
                .then().statusCode(200).body("caseworkers.BENEFITS", equalTo("cw-marsberg-1")).extract().header("ETag");
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/unemployment/start", etag,
                Map.of("date", "2024-11-01", "reason", "dismissal"), c.id(), head[0])
                .then().statusCode(200).body("members.find { it.personId == '" + head[0] + "' }.unemployedSince",
                        equalTo("2024-11-01")).extract().header("ETag");
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/incomes", etag, Map.of("personId", partner[0],
                "kind", "EMPLOYMENT", "fromMonth", "2025-02", "gross", "603.00", "net", "480.50", "socialContributions", "122.50"),
                c.id()).then().statusCode(200).extract().header("ETag");
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/housing-costs", etag, Map.of("effectiveFrom", "2025-01-01",
                "rent", "520.00", "heating", "110.00", "utilities", "60.00", "householdSize", 3, "livingSpace", "78.5"),
                c.id()).then().statusCode(200).extract().header("ETag");
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/assets", etag, Map.of("personId", head[0],
                "kind", "BANK_ACCOUNT", "value", "2400.00", "effectiveFrom", "2025-01-06"), c.id())
                .then().statusCode(200).extract().header("ETag");
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/unemployment/end", etag,
                Map.of("date", "2025-06-30", "reason", "employment"), c.id(), head[0])
                .then().statusCode(200).extract().header("ETag");
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/leave", etag,
                Map.of("effectiveFrom", "2025-08-01", "reason", "moved out"), c.id(), partner[0])
                .then().statusCode(200).body("members.find { it.personId == '" + partner[0] + "' }.leftOn",
                        equalTo("2025-08-01")).extract().header("ETag");

        // move: responsibility and access go with the case
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/move", etag,
                Map.of("toMunicipality", WINTERBERG, "effectiveFrom", "2025-09-01"), c.id())
                .then().statusCode(200).body("municipality", equalTo(WINTERBERG)).extract().header("ETag");
        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(404);
        etag = Api.command(WINTERBERG_WORKER, "/api/v1/cases/{id}/close", etag,
                Map.of("effectiveFrom", "2025-12-01", "reason", "income covers need"), c.id())
                .then().statusCode(200).body("status", equalTo("CLOSED")).extract().header("ETag");
        // a closed case takes no more commands
        Api.command(WINTERBERG_WORKER, "/api/v1/cases/{id}/assets", etag, Map.of("personId", head[0],
                "kind", "CASH", "value", "10.00", "effectiveFrom", "2025-12-02"), c.id())
                .then().statusCode(422).body("code", equalTo("case-not-open"));

        given().auth().oauth2(WINTERBERG_WORKER).when().get("/api/v1/cases/{id}/history", c.id()).then()
                .statusCode(200).body("", hasSize(13))
                .body("type", hasItems("registry.case-opened.v1", "registry.person-registered.v1",
                        "registry.caseworker-assigned.v1", "registry.unemployment-started.v1",
                        "registry.income-declared.v1", "registry.housing-costs-declared.v1",
                        "registry.assets-declared.v1", "registry.person-left-case.v1", "registry.case-moved.v1",
                        "registry.case-closed.v1"))
                .body("find { it.type == 'registry.person-registered.v1' }.data.pii", equalTo("[encrypted personal data]"))
                .body(not(containsString("Köhler")));
    }

    /** § 7(1) Nr. 1, § 8, § 44a: a child is employable from the 15th birthday; findings are recorded with a date, both ways. */
    @Test
    void employabilityChangesAreRecordedWithADateInBothDirections() {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-01-06");
        String[] head = Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Eva", "Brandt", "1985-03-02", "FEMALE", true));
        c = new Api.Case(c.id(), head[1]);
        String[] child = Api.register(MARSBERG_WORKER, c, Api.person("CHILD", "Ben", "Brandt", "2011-06-20", "MALE", false));
        String etag = child[1];
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/employability", etag,
                Map.of("employable", true, "effectiveFrom", "2026-05-01", "basis", "CASEWORKER_ASSESSMENT"), c.id(), child[0])
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("employable-too-young"))
                .body("errors[0].field", equalTo("effectiveFrom"));
        etag = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/employability", etag,
                Map.of("employable", false, "effectiveFrom", "2026-09-01", "basis", "MEDICAL_FINDING"), c.id(), child[0])
                .then().statusCode(200).body("members.find { it.personId == '" + child[0] + "' }.employable", equalTo(false))
                .extract().header("ETag");
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/employability", etag,
                Map.of("employable", true, "effectiveFrom", "2027-03-01", "basis", "MEDICAL_FINDING"), c.id(), child[0])
                .then().statusCode(200).body("members.find { it.personId == '" + child[0] + "' }.employable", equalTo(true));
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/employability", etag,
                Map.of("employable", true, "effectiveFrom", "2027-03-01"), c.id(), child[0])
                .then().statusCode(400).body("errors.field", hasItems("basis"));
        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}/history", c.id()).then().statusCode(200)
                .body("findAll { it.type == 'registry.employability-changed.v1' }.data.basis", contains("MEDICAL_FINDING", "MEDICAL_FINDING"));
    }

    @Test
    void updatesNeedAFreshIfMatch() {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-02-03");
        Map<String, Object> close = Map.of("effectiveFrom", "2025-03-01", "reason", "withdrawn");
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/close", null, close, c.id()).then().statusCode(428);
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/close", "\"7\"", close, c.id()).then().statusCode(412)
                .header("ETag", "\"1\"");
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/close", c.etag(), close, c.id()).then().statusCode(200)
                .header("ETag", "\"2\"");
    }

    @Test
    void fiftyParallelUpdatesWithTheSameIfMatchGiveExactlyOneSuccess() throws Exception {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-02-03");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            statuses.add(pool.submit(() -> {
                go.await();
                return Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/caseworkers", c.etag(),
                        Map.of("caseworkerId", "cw-" + n, "function", "PLACEMENT", "effectiveFrom", "2025-02-03"), c.id())
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            codes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(codes).filteredOn(s -> s == 200).hasSize(1);
        assertThat(codes).filteredOn(s -> s != 200).allMatch(s -> s == 412);
        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}/history", c.id()).then()
                .body("", hasSize(2));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndWritesNothingTwice() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("municipality", MARSBERG, "openedOn", "2025-04-01");
        Response first = given().auth().oauth2(MARSBERG_WORKER).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/cases");
        Response second = given().auth().oauth2(MARSBERG_WORKER).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/cases");
        first.then().statusCode(201);
        second.then().statusCode(201).header("Location", equalTo(first.header("Location")));
        assertThat(second.<String>path("caseId")).isEqualTo(first.path("caseId"));
        given().auth().oauth2(MARSBERG_WORKER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("municipality", MARSBERG, "openedOn", "2025-04-02")).when().post("/api/v1/cases")
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));

        Api.Case c = new Api.Case(first.path("caseId"), first.header("ETag"));
        String personKey = UUID.randomUUID().toString();
        Map<String, Object> person = Api.person("HEAD", "Ole", "Berg", "1990-01-01", "MALE", true);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(MARSBERG_WORKER).contentType(ContentType.JSON).header("If-Match", c.etag())
                    .header("Idempotency-Key", personKey).body(person).when().post("/api/v1/cases/{id}/persons", c.id())
                    .then().statusCode(201).header("ETag", "\"2\"");
        }
        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}", c.id()).then().body("members", hasSize(1));
    }

    @Test
    void everyEndpointAnswers404ForACaseOfAnotherMunicipalityWithoutItsData() {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-03-03");
        String[] head = Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Geheim", "Nachname", "1975-03-03", "MALE", true));
        String etag = head[1];
        String p = head[0];
        List<String[]> posts = List.of(
                new String[] {"/api/v1/cases/" + c.id() + "/persons", "{\"role\":\"CHILD\",\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":\"2015-01-01\",\"sex\":\"MALE\",\"employable\":false}"},
                new String[] {"/api/v1/cases/" + c.id() + "/close", "{\"effectiveFrom\":\"2025-04-01\",\"reason\":\"x\"}"},
                new String[] {"/api/v1/cases/" + c.id() + "/move", "{\"toMunicipality\":\"05958048\",\"effectiveFrom\":\"2025-04-01\"}"},
                new String[] {"/api/v1/cases/" + c.id() + "/caseworkers", "{\"caseworkerId\":\"x\",\"function\":\"BENEFITS\",\"effectiveFrom\":\"2025-04-01\"}"},
                new String[] {"/api/v1/cases/" + c.id() + "/incomes", "{\"personId\":\"" + p + "\",\"kind\":\"PENSION\",\"fromMonth\":\"2025-04\",\"gross\":1,\"net\":1,\"socialContributions\":0}"},
                new String[] {"/api/v1/cases/" + c.id() + "/housing-costs", "{\"effectiveFrom\":\"2025-04-01\",\"rent\":1,\"heating\":1,\"utilities\":1,\"householdSize\":1}"},
                new String[] {"/api/v1/cases/" + c.id() + "/assets", "{\"personId\":\"" + p + "\",\"kind\":\"CASH\",\"value\":1,\"effectiveFrom\":\"2025-04-01\"}"},
                new String[] {"/api/v1/cases/" + c.id() + "/persons/" + p + "/leave", "{\"effectiveFrom\":\"2025-04-01\"}"},
                new String[] {"/api/v1/cases/" + c.id() + "/persons/" + p + "/rejoin", "{\"role\":\"HEAD\",\"effectiveFrom\":\"2025-04-01\"}"},
                new String[] {"/api/v1/cases/" + c.id() + "/persons/" + p + "/unemployment/start", "{\"date\":\"2025-04-01\"}"},
                new String[] {"/api/v1/cases/" + c.id() + "/persons/" + p + "/unemployment/end", "{\"date\":\"2025-04-01\"}"});
        for (String[] post : posts) {
            given().auth().oauth2(WINTERBERG_WORKER).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(post[1]).when().post(post[0]).then().statusCode(404)
                    .contentType("application/problem+json").body(not(containsString("Geheim")))
                    .body(not(containsString(MARSBERG)));
        }
        for (String get : List.of("/api/v1/cases/" + c.id(), "/api/v1/cases/" + c.id() + "/history")) {
            given().auth().oauth2(WINTERBERG_WORKER).when().get(get).then().statusCode(404)
                    .body(not(containsString("Geheim")));
        }
        given().auth().oauth2(WINTERBERG_WORKER).queryParam("lastName", "Nachname").when().get("/api/v1/persons")
                .then().statusCode(200).body("items", hasSize(0));
        // nothing was written by any of these attempts
        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}", c.id()).then().header("ETag", etag);
        // but each left a trace a data-protection officer can see: who tried which case, refused
        try (var conn = dataSource.getConnection(); var ps = conn.prepareStatement(
                "select count(*), count(distinct actor) from audit_record where case_id = ? and action = 'denied'")) {
            ps.setString(1, c.id());
            try (var rs = ps.executeQuery()) {
                rs.next();
                org.assertj.core.api.Assertions.assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(posts.size() + 2);
                org.assertj.core.api.Assertions.assertThat(rs.getLong(2)).isEqualTo(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPortalsOwnClientReachesNoPersonalData() {
        // before issue 15 a portal's client credentials read and wrote every case of the district
        String portal = TestTokens.portal("portal-demo", MARSBERG);
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-05-05");
        String[] head = Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Pia", "Portal", "1999-09-09", "FEMALE", true));
        given().auth().oauth2(portal).when().get("/api/v1/cases/{id}", c.id()).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(portal).contentType("application/json").body(Map.of("municipality", MARSBERG)).when().post("/api/v1/cases")
                .then().statusCode(403);
        Api.command(portal, "/api/v1/cases/{id}/incomes", head[1], Map.of("personId", head[0], "kind", "EMPLOYMENT",
                "fromMonth", "2025-05", "gross", "100.00", "net", "100.00", "socialContributions", "0.00"), c.id())
                .then().statusCode(403);
        given().auth().oauth2(portal).queryParam("lastName", "Portal").when().get("/api/v1/persons").then().statusCode(403);
    }

    @Test
    void erasureDestroysThePersonalDataEverywhereButKeepsTheHistory() throws Exception {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-06-02");
        String[] head = Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Vergessen", "Werden", "1970-10-10", "MALE", true));
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/erasure", head[1], null, c.id(), head[0])
                .then().statusCode(403);
        Api.command(TestTokens.admin(), "/api/v1/cases/{id}/persons/{p}/erasure", head[1], null, c.id(), head[0])
                .then().statusCode(200).body("members[0].erased", equalTo(true))
                .body("members[0].firstName", nullValue()).body("members[0].birthDate", nullValue())
                .body("members[0].birthYearMonth", equalTo("1970-10"));
        given().auth().oauth2(MARSBERG_WORKER).queryParam("lastName", "Werden").when().get("/api/v1/persons")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}/history", c.id()).then()
                .body("type", hasItem("registry.person-data-erased.v1")).body("", hasSize(3));
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select key_material is null from person_key where person_id = '" + head[0] + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
        Eventually.assertSoon(() -> assertThat(TestKafka.readAll(TestKafka.CASE_EVENTS).stream()
                .filter(r -> c.id().equals(r.key()))
                .map(r -> EventCodec.instance().parse(r.value()).type()))
                .contains("de.auseinerhand.registry.person-data-erased.v1"));
    }

    @Test
    void readsAndWritesOfPersonalDataAreAuditedAndTheTrailCannotBeChanged() throws Exception {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-07-01");
        String[] head = Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Audit", "Person", "1980-01-01", "MALE", true));
        given().auth().oauth2(MARSBERG_WORKER).header("X-Purpose", "Bescheid vorbereiten").when()
                .get("/api/v1/cases/{id}", c.id()).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).queryParam("caseId", c.id()).when().get("/api/v1/audit-records")
                .then().statusCode(200)
                .body("items.action", hasItems("open-case", "register-person", "read-case"))
                .body("items.find { it.action == 'read-case' && it.purpose != null }.purpose", equalTo("Bescheid vorbereiten"))
                .body("items.find { it.action == 'register-person' }.personId", equalTo(head[0]))
                .body("items.actor", hasItem("user:cw-marsberg-1"));
        given().auth().oauth2(TestTokens.admin()).queryParam("actor", "user:cw-marsberg-1").queryParam("limit", "1")
                .when().get("/api/v1/audit-records").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", not(nullValue()));
        given().auth().oauth2(MARSBERG_WORKER).queryParam("caseId", c.id()).when().get("/api/v1/audit-records")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit-records").then().statusCode(400)
                .body("errors[0].field", equalTo("caseId"));
        // the service's own login (issue 15 §4) may read and append audit rows, nothing else: no update, no delete, and
        // it cannot switch the append-only triggers off either (before, it owned the table and could)
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("update audit_record set actor = 'someone else'"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("delete from audit_record")).hasMessageContaining("permission denied");
        }
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            assertThatThrownBy(() -> st.execute("alter table audit_record disable trigger all")).hasMessageContaining("must be owner");
        }
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            assertThatThrownBy(() -> st.execute("truncate audit_record")).hasMessageContaining("permission denied");
        }
        // and even the owner meets the triggers
        try (Connection conn = de.auseinerhand.testsupport.TestDatabase.administrator(dataSource); Statement st = conn.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("update audit_record set actor = 'someone else'")).hasMessageContaining("append-only");
        }
    }

    /**
     * Reads share group commits of their audit records (issue 14 §3): 64 reads from 16 threads at once, and every answered
     * read has its own record, committed before the answer (counted right after the last answer, without waiting).
     */
    @Test
    void concurrentReadsEachLeaveTheirAuditRecordBeforeTheyAnswer() throws Exception {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2025-08-01");
        Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Viele", "Leser", "1975-03-03", "FEMALE", true));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String purpose = "Lesen " + i;
                answers.add(pool.submit(() -> given().auth().oauth2(MARSBERG_WORKER).header("X-Purpose", purpose)
                        .get("/api/v1/cases/{id}", c.id()).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> a : answers) {
                assertThat(a.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection conn = dataSource.getConnection(); java.sql.PreparedStatement ps = conn.prepareStatement(
                "select count(*), count(distinct purpose) from audit_record where case_id = ? and action = 'read-case'")) {
            ps.setString(1, c.id());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(64);
                assertThat(rs.getInt(2)).isEqualTo(64);
            }
        }
    }

    @Test
    void circumstancesCarryHealthFactsOnlyEncryptedAndErasureMakesThemUnreadable() {
        Api.Case c = Api.open(MARSBERG_WORKER, MARSBERG, "2026-01-05");
        String[] head = Api.register(MARSBERG_WORKER, c, Api.person("HEAD", "Hanna", "Hoffnung", "1996-02-02", "FEMALE", true));
        Map<String, Object> body = Map.of("effectiveFrom", "2026-02-01", "inEducation", false,
                "health", Map.of("expectedDelivery", "2026-08-17", "costlyDiet", "45.50"));
        Response recorded = Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/circumstances", head[1], body, c.id(), head[0]);
        recorded.then().statusCode(200);
        // a typo in the delivery date is a problem naming the field, and nothing is written
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/circumstances", recorded.header("ETag"),
                Map.of("effectiveFrom", "2026-02-01", "health", Map.of("expectedDelivery", "2028-08-17")), c.id(), head[0])
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("health.expectedDelivery"));
        Api.command(MARSBERG_WORKER, "/api/v1/cases/{id}/persons/{p}/circumstances", recorded.header("ETag"),
                Map.of("effectiveFrom", "2026-02-01", "health", Map.of("costlyDiet", "-1")), c.id(), head[0])
                .then().statusCode(400).contentType("application/problem+json").body(containsString("costlyDiet"));

        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}/persons/{p}/circumstances", c.id(), head[0])
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].health.expectedDelivery", equalTo("2026-08-17")).body("[0].health.costlyDiet", equalTo(45.50f))
                .body("[0].healthErased", equalTo(false));
        given().auth().oauth2(WINTERBERG_WORKER).when().get("/api/v1/cases/{id}/persons/{p}/circumstances", c.id(), head[0])
                .then().statusCode(404);
        Eventually.assertSoon(() -> {
            List<String> values = TestKafka.readAll(TestKafka.CASE_EVENTS).stream().filter(r -> c.id().equals(r.key()))
                    .map(org.apache.kafka.clients.consumer.ConsumerRecord::value)
                    .filter(v -> v.contains("registry.circumstances-recorded.v1")).toList();
            assertThat(values).singleElement().satisfies(v -> assertThat(v).contains("\"pii\"")
                    .doesNotContain("2026-08-17").doesNotContain("45.5").doesNotContain("expectedDelivery").doesNotContain("costlyDiet"));
        });

        String etag = given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}", c.id()).header("ETag");
        Api.command(TestTokens.admin(), "/api/v1/cases/{id}/persons/{p}/erasure", etag, null, c.id(), head[0]).then().statusCode(200);
        given().auth().oauth2(MARSBERG_WORKER).when().get("/api/v1/cases/{id}/persons/{p}/circumstances", c.id(), head[0])
                .then().statusCode(200).body("[0].healthErased", equalTo(true)).body("[0].health", nullValue())
                .body("[0].effectiveFrom", equalTo("2026-02-01"));
    }

}
