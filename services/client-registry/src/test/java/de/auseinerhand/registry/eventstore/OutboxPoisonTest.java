package de.auseinerhand.registry.eventstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.eventstore.outbox.OutboxRelay;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import de.auseinerhand.testsupport.Management;

/**
 * A row the broker refuses for good (here an event larger than Kafka accepts, which the store's own size limit would
 * have refused at the append: written past it, as an older version or a bug could have) is parked by the relay: it does
 * not stop the service's other cases, and the later rows of its own case wait behind it, so the order per case holds.
 */
@QuarkusTest
class OutboxPoisonTest {

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Test
    void aRecordTheBrokerRefusesIsParkedAndOnlyItsCaseWaits() throws Exception {
        String token = TestTokens.caseworker("cw-olsberg-1", "05958036");
        String poisoned;
        relay.pause();
        try {
            poisoned = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("municipality", "05958036"))
                    .when().post("/api/v1/cases").then().statusCode(201).extract().path("caseId");
            long position = scalar("select global_position from es_event where subject = ? order by global_position limit 1", poisoned);
            // an event of 1.5 MB for that case, and after it the case's first event once more (a later row of the same case)
            String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"padding\":\"" + "x".repeat(1_500_000) + "\"}";
            exec("insert into es_event (event_id, stream_id, stream_version, event_type, subject, municipality, recorded_at, envelope)"
                    + " select ?::uuid, stream_id, 1000000, event_type, subject, municipality, recorded_at, ?::jsonb from es_event where global_position = ?",
                    UUID.randomUUID().toString(), envelope, position);
            exec("insert into es_outbox (global_position, event_id, topic, message_key, recorded_at) select global_position, event_id,"
                    + " 'case-events', subject, recorded_at from es_event where subject = ? and stream_version = 1000000", poisoned);
            exec("insert into es_outbox (global_position, event_id, topic, message_key, recorded_at) select global_position, event_id,"
                    + " 'case-events', subject, recorded_at from es_event where global_position = ?", position);
        } finally {
            relay.resume();
        }
        try {
            String other = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("municipality", "05958036"))
                    .when().post("/api/v1/cases").then().statusCode(201).extract().path("caseId");
            // every other case goes on
            Eventually.assertWithin(Duration.ofSeconds(30), () -> assertThat(TestKafka.readAll(TestKafka.CASE_EVENTS))
                    .anySatisfy(r -> assertThat(r.key()).isEqualTo(other)));
            // the refused row is set aside with the broker's reason, the case's later row waits in the outbox
            assertThat(text("select reason from es_outbox_parked where message_key = ?", poisoned)).contains("RecordTooLargeException");
            assertThat(scalar("select count(*) from es_outbox where message_key = ?", poisoned)).isEqualTo(1);
            // the case's own events went out before the poison; the waiting copy did not
            assertThat(TestKafka.readAll(TestKafka.CASE_EVENTS).stream().filter(r -> poisoned.equals(r.key())).count())
                    .isEqualTo(scalar("select count(*) from es_event where subject = ? and stream_version < 1000000", poisoned));
            Management.given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("aeh_outbox_parked 1.0"));
        } finally {
            // what district IT does once the event is dealt with: the parked row goes, the case's later rows follow
            exec("delete from es_outbox_parked where message_key = ?", poisoned);
            exec("delete from es_event where subject = ? and stream_version = 1000000", poisoned);
        }
        Eventually.assertWithin(Duration.ofSeconds(30), () -> assertThat(scalar("select count(*) from es_outbox where message_key = ?", poisoned))
                .isZero());
    }

    @Inject
    de.auseinerhand.eventstore.EventStore eventStore;

    @Test
    void anAppendRefusesAnEventLargerThanTheLimitAndWritesNothing() throws Exception {
        String caseId = "BG-05958036-" + (100_000 + new java.util.Random().nextInt(800_000));
        var person = new de.auseinerhand.events.registry.PersonRegistered(UUID.randomUUID(), de.auseinerhand.events.registry.PersonRole.HEAD,
                java.time.YearMonth.of(1980, 1), de.auseinerhand.events.registry.Sex.FEMALE, true, false, java.time.LocalDate.of(2026, 1, 1), null,
                new de.auseinerhand.events.EncryptedPii("pk-test", de.auseinerhand.events.EncryptedPii.AES_256_GCM, "A".repeat(300_000)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> eventStore.append(
                "case-" + caseId, 0, java.util.List.of(new de.auseinerhand.eventstore.NewEvent(person, caseId, "05958036")),
                de.auseinerhand.eventstore.EventMetadata.system("test"))))
                .isInstanceOf(de.auseinerhand.eventstore.CommandRejected.class)
                .satisfies(e -> assertThat(((de.auseinerhand.eventstore.CommandRejected) e).code()).isEqualTo("event-too-large"));
        assertThat(scalar("select count(*) from es_event where subject = ?", caseId)).isZero();
        assertThat(scalar("select count(*) from es_stream where stream_id = ?", "case-" + caseId)).isZero();
    }

    private void exec(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private long scalar(String sql, Object arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String text(String sql, Object arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
