package de.auseinerhand.eventstore.consumer;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.MalformedEventException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies one record of {@code case-events} to a consumer's own tables exactly once.
 *
 * <p>In one transaction: refuse if the case is parked, parse the envelope, record the event id in the
 * inbox (a duplicate is skipped), let the projection write its rows, advance the checkpoint. A record
 * that cannot be applied (malformed, unknown type, a projection rule that refuses it) parks its case
 * and is rethrown as {@link DeadLetterException}, which the SmallRye Kafka connector
 * ({@code failure-strategy=dead-letter-queue}) sends to {@code case-events-dlq} with the reason in
 * the headers; later events of a parked case follow it there instead of being applied out of order.
 * Database outages are not poison: they are retried with back-off, holding the partition.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventConsumer.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    private final EventCodec codec = EventCodec.instance();

    /** Applies {@code record} for {@code consumer}; {@code projection} runs inside the transaction. */
    public void apply(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> projection) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyInTransaction(consumer, record, projection));
                meters.counter("aeh.consumer.applied", "consumer", consumer).increment();
                return;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    LOG.warnf("%s: database unavailable while applying %s-%d@%d (%s); retrying in %s", consumer,
                            record.topic(), record.partition(), record.offset(), rootMessage(e), backoff);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                            : backoff.multipliedBy(2);
                    continue;
                }
                String reason = reasonOf(e);
                deadLetter(consumer, record, reason);
                throw new DeadLetterException(reason, e);
            }
        }
    }

    private void applyInTransaction(String consumer, ConsumerRecord<String, String> record,
            Consumer<EventEnvelope> projection) {
        try (Connection c = dataSource.getConnection()) {
            if (record.key() != null && isParked(c, consumer, record.key())) {
                throw new CaseParkedException(record.key());
            }
            EventEnvelope envelope = codec.parse(record.value());
            if (firstTime(c, consumer, envelope)) {
                projection.accept(envelope);
            } else {
                meters.counter("aeh.consumer.duplicates", "consumer", consumer).increment();
            }
            advance(c, consumer, record);
        } catch (SQLException e) {
            throw new ConsumerStorageException(e);
        }
    }

    private static boolean isParked(Connection c, String consumer, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from consumer_parked_case where consumer = ? and case_id = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean firstTime(Connection c, String consumer, EventEnvelope e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into consumer_inbox (consumer, event_id) values (?, ?) on conflict do nothing")) {
            ps.setString(1, consumer);
            ps.setObject(2, e.id());
            return ps.executeUpdate() == 1;
        }
    }

    private static void advance(Connection c, String consumer, ConsumerRecord<?, ?> r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into consumer_checkpoint (consumer, topic, partition, next_offset) values (?, ?, ?, ?) "
                        + "on conflict (consumer, topic, partition) do update set next_offset = greatest("
                        + "consumer_checkpoint.next_offset, excluded.next_offset), updated_at = now()")) {
            ps.setString(1, consumer);
            ps.setString(2, r.topic());
            ps.setInt(3, r.partition());
            ps.setLong(4, r.offset() + 1);
            ps.executeUpdate();
        }
    }

    private void deadLetter(String consumer, ConsumerRecord<String, String> record, String reason) {
        meters.counter("aeh.consumer.dead.lettered", "consumer", consumer).increment();
        LOG.errorf("%s: record %s-%d@%d of case %s goes to the dead-letter topic: %s", consumer, record.topic(),
                record.partition(), record.offset(), record.key(), reason);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (record.key() != null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "insert into consumer_parked_case (consumer, case_id, first_event, reason) values (?, ?, ?, ?) "
                                    + "on conflict do nothing")) {
                        ps.setString(1, consumer);
                        ps.setString(2, record.key());
                        ps.setString(3, record.topic() + "-" + record.partition() + "@" + record.offset());
                        ps.setString(4, reason);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into consumer_dead_letter (consumer, case_id, topic, partition, record_offset, event_id, reason, payload) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, consumer);
                    ps.setString(2, record.key());
                    ps.setString(3, record.topic());
                    ps.setInt(4, record.partition());
                    ps.setLong(5, record.offset());
                    ps.setString(6, eventIdOf(record.value()).orElse(null));
                    ps.setString(7, reason);
                    ps.setString(8, record.value());
                    ps.executeUpdate();
                }
                // handled, if by dead-lettering: the consumer's position moves past it
                advance(c, consumer, record);
            } catch (SQLException e) {
                throw new ConsumerStorageException(e);
            }
        });
    }

    private Optional<String> eventIdOf(String value) {
        try {
            var tree = codec.mapper().readTree(value);
            return tree != null && tree.hasNonNull("id") ? Optional.of(tree.get("id").asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Releases a parked case so its later events are applied again (after the poison was replayed or fixed). */
    public boolean release(String consumer, String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "delete from consumer_parked_case where consumer = ? and case_id = ?")) {
                ps.setString(1, consumer);
                ps.setString(2, caseId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }

    private static String reasonOf(Throwable e) {
        if (e instanceof CaseParkedException) {
            return e.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException) {
                return "malformed event: " + t.getMessage();
            }
        }
        return "projection failed: " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
