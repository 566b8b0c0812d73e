package de.auseinerhand.registry.eventstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fault F23: the database refuses writes for a while (switched read-only, a full disk, a quota). A command answers 503
 * with Retry-After, not 500, and leaves nothing behind: no event, no audit record, no claimed Idempotency-Key, no
 * directory row. Once writes are possible again the client's retry with the same key goes through, once.
 */
@QuarkusTest
class ReadOnlyDatabaseTest {

    static final String TOKEN = TestTokens.caseworker("cw-olsberg-1", "05958036");
    static final List<String> TABLES = List.of("es_event", "es_stream", "audit_record", "api_idempotency", "case_directory");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whileTheDatabaseRefusesWritesACommandAnswers503AndLeavesNothingBehind() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("municipality", "05958036", "openedOn", TestClock.today().toString());
        Map<String, Long> before;
        readOnly(true);
        try {
            before = counts();
            Response refused = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .when().post("/api/v1/cases");
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(counts()).isEqualTo(before);
        } finally {
            readOnly(false);
        }
        String caseId = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("caseId");
        String again = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("caseId");
        assertThat(again).isEqualTo(caseId);
        Map<String, Long> after = counts();
        assertThat(after.get("es_event")).isEqualTo(before.get("es_event") + 1);
        assertThat(after.get("api_idempotency")).isEqualTo(before.get("api_idempotency") + 1);
    }

    /** Switches this test's database to read-only for new sessions (or back) and renews the pool's connections. */
    private void readOnly(boolean on) throws Exception {
        String db;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_database()")) {
            rs.next();
            db = rs.getString(1);
        }
        // as the database's administrator: the service's own login may not change the database (issue 15 §4)
        try (Connection c = de.auseinerhand.testsupport.TestDatabase.administrator(dataSource); Statement st = c.createStatement()) {
            st.execute("set session characteristics as transaction read write");
            st.execute("alter database " + db + (on ? " set default_transaction_read_only = on" : " reset default_transaction_read_only"));
        }
        // the pool closes its connections in the background: wait until the connections it hands out are new ones
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        Eventually.assertSoon(() -> {
            for (int i = 0; i < 5; i++) {
                try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("show transaction_read_only")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(on ? "on" : "off");
                }
            }
        });
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> n = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + t)) {
                    rs.next();
                    n.put(t, rs.getLong(1));
                }
            }
        }
        return n;
    }
}
