package de.auseinerhand.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.consumer.ConsumerStatus;
import de.auseinerhand.reporting.facts.Rebuilds;
import de.auseinerhand.reporting.projection.CaseEventsConsumer;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A live consumer far behind the log (an empty or lost database, one restored from an old backup, a replica down for
 * long) is not left to apply the backlog record by record: a rebuild fills the facts in bulk, the live consumer's
 * checkpoints move to where the rebuild read, and the live consumer moves on to them instead of applying the backlog
 * again. Here the live consumer is held (paused) while 5,000 events of one household arrive.
 */
@QuarkusTest
class CatchUpTest {
    static final String BRILON = "05958012";
    static final int BACKLOG = 5_000;

    @Inject
    Rebuilds rebuilds;

    @Inject
    ConsumerStatus status;

    @Inject
    KafkaClientService kafka;

    @Inject
    DataSource dataSource;

    @Test
    void aConsumerFarBehindIsFilledByARebuildAndMovesOnToWhereItRead() throws Exception {
        var live = kafka.<Object, Object>getConsumer("case-events");
        String caseId = TestEvents.newCaseId(BRILON);
        List<UUID> eventIds = new ArrayList<>();
        List<UUID> personIds = new ArrayList<>();
        // whatever earlier tests published is applied first: the backlog below is all the live consumer misses
        TestKafka.awaitConsumed(TestKafka.CASE_EVENTS, () -> status.checkpoints(CaseEventsConsumer.CONSUMER, TestKafka.CASE_EVENTS));
        live.pause().await().atMost(Duration.ofSeconds(10));
        try {
            try (KafkaProducer<String, String> producer = TestKafka.producer()) {
                for (int v = 1; v <= BACKLOG; v++) {
                    EventEnvelope e;
                    if (v == 1) {
                        e = TestEvents.envelope(TestEvents.caseOpened(caseId, BRILON, TestClock.today().minusMonths(2)), caseId, BRILON, v);
                    } else {
                        PersonRegistered person = TestEvents.person(v == 2 ? PersonRole.HEAD : PersonRole.CHILD, YearMonth.of(1980, 1 + v % 12),
                                v % 2 == 0 ? Sex.FEMALE : Sex.MALE, true, TestClock.today().minusMonths(2));
                        personIds.add(person.personId());
                        e = TestEvents.envelope(person, caseId, BRILON, v);
                    }
                    eventIds.add(e.id());
                    ProducerRecord<String, String> record = new ProducerRecord<>(TestKafka.CASE_EVENTS, caseId, EventCodec.instance().toJson(e));
                    record.headers().add("content-type", EventEnvelope.CLOUDEVENTS_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    producer.send(record);
                }
                producer.flush();
            }

            assertThat(rebuilds.catchUpIfFarBehind(BACKLOG + 1)).as("fewer events behind than the threshold: no rebuild").isNull();
            Rebuilds.Progress started = rebuilds.catchUpIfFarBehind(BACKLOG);
            assertThat(started).as("as far behind as the threshold: a catch-up rebuild").isNotNull();
            Eventually.assertWithin(Duration.ofSeconds(90), () -> assertThat(rebuilds.progress().status()).isEqualTo("DONE"));
            assertThat(rebuilds.progress().rebuildId()).isEqualTo(started.rebuildId());
            assertThat(rebuilds.progress().checksumsEqual()).isTrue();
            // the rebuild holds the whole backlog although the live consumer applied none of it
            assertThat(personsKnown(personIds)).isEqualTo(personIds.size());
            assertThat(applied(eventIds)).isZero();
            // and the live consumer's checkpoints stand at the end of the log the rebuild read
            assertThat(status.checkpoints(CaseEventsConsumer.CONSUMER, TestKafka.CASE_EVENTS)).isEqualTo(TestKafka.endOffsets(TestKafka.CASE_EVENTS));
        } finally {
            live.resume().await().atMost(Duration.ofSeconds(10));
        }

        // an event after the backlog, in the same partition: once it is applied, the live consumer has passed the backlog
        PersonRegistered after = TestEvents.person(PersonRole.CHILD, YearMonth.of(2020, 5), Sex.MALE, false, TestClock.today().minusMonths(1));
        EventEnvelope last = TestEvents.publish(after, caseId, BRILON, BACKLOG + 1);
        Eventually.assertWithin(Duration.ofSeconds(60), () -> assertThat(status.hasProcessed(CaseEventsConsumer.CONSUMER, last.id())).isTrue());
        // what it had fetched before it found the checkpoint (its queue: some 1,000 to 1,500 records) it applied again,
        // idempotently; not the rest
        assertThat(applied(eventIds)).as("backlog records applied again one by one").isLessThan(BACKLOG / 2);
        assertThat(personsKnown(List.of(after.personId()))).isEqualTo(1);
        assertThat(status.deadLettered(CaseEventsConsumer.CONSUMER)).as("no record of the case dead-lettered").isEqualTo(deadLetteredOtherThan(caseId));
    }

    int personsKnown(List<UUID> ids) throws Exception {
        return count("select count(distinct person_id) from rp_person where person_id = any(?)", ids);
    }

    int applied(List<UUID> eventIds) throws Exception {
        return count("select count(*) from consumer_inbox where consumer = 'reporting' and event_id = any(?)", eventIds);
    }

    long deadLetteredOtherThan(String caseId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from consumer_dead_letter where consumer = 'reporting' and case_id is distinct from ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    int count(String sql, List<UUID> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
