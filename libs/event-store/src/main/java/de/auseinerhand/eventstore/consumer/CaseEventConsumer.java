package de.auseinerhand.eventstore.consumer;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.MalformedEventException;
import de.auseinerhand.eventstore.tracing.EventTracing;
import de.auseinerhand.eventstore.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Applies one record of {@code case-events} to a consumer's own tables exactly once.
 *
 * <p>In one transaction: refuse if the case is parked, parse the envelope, record the event id in the
 * inbox (a duplicate is skipped), let the projection write its rows, advance the checkpoint. A record far below the
 * checkpoint (a catch-up rebuild filled the projection in bulk) moves the channel's consumer on to the checkpoint. A record
 * that cannot be applied (malformed, unknown type, a projection rule that refuses it) parks its case
 * and is rethrown as {@link DeadLetterException}, which the SmallRye Kafka connector
 * ({@code failure-strategy=dead-letter-queue}) sends to {@code case-events-dlq} with the reason in
 * the headers; later events of a parked case follow it there instead of being applied out of order.
 * Database outages are not poison: they are retried with back-off, holding the partition.
 *
 * <p>Tracing: the whole application of a record (retries, projection, dead-lettering) is one CONSUMER
 * span {@code <consumer> process <event type>}, a child of the Kafka header {@code traceparent} (the
 * relay's PRODUCER span) or, for records without it, of the envelope's {@code traceparent}. The
 * span is current while the projection runs, so events a projection appends continue the trace. The
 * Kafka connector's own consumer spans are switched off ({@code tracing-enabled=false} in
 * each consuming service's application.properties): one span per record, not two.
 */
@ApplicationScoped
public class CaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventConsumer.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    EventTracing tracing;

    @Inject
    ConsumerStatus status;

    /**
     * How long one application of a record waits for a row or table lock before it gives up and retries (fault F12: a
     * projection table locked by someone else). Without it the consumer would wait silently for as long as the lock is
     * held; with it the wait shows as retries, and readiness turns DOWN once they last ({@link CaseEventConsumerHealth}).
     */
    @ConfigProperty(name = "aeh.consumer.lock-timeout", defaultValue = "5s")
    Duration lockTimeout;

    /** Below the checkpoint by at least this many records, the consumer seeks to the checkpoint ({@link #skipAhead}). */
    @ConfigProperty(name = "aeh.consumer.skip-ahead-gap", defaultValue = "1000")
    long skipAheadGap;

    /** The incoming channel whose Kafka consumer {@link #skipAhead} moves. */
    @ConfigProperty(name = "aeh.consumer.channel", defaultValue = "case-events")
    String channel;

    @Inject
    KafkaClientService kafkaClients;

    /** Checkpoints found beyond the end of their partition, not to be checked again for every record. */
    private final java.util.concurrent.ConcurrentHashMap<TopicPartition, Long> notFollowed = new java.util.concurrent.ConcurrentHashMap<>();

    private final EventCodec codec = EventCodec.instance();

    /** Applies {@code record} for {@code consumer}; {@code projection} runs inside the transaction. */
    public void apply(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> projection) {
        Span span = consumerSpan(consumer, record);
        boolean ownMdc = false;
        try (Scope ignored = span.makeCurrent()) {
            // log lines of this record carry its trace (Quarkus fills the MDC only on Vert.x contexts)
            if (span.getSpanContext().isValid() && !span.getSpanContext().getTraceId().equals(MDC.get("traceId"))) {
                MDC.put("traceId", span.getSpanContext().getTraceId());
                MDC.put("spanId", span.getSpanContext().getSpanId());
                ownMdc = true;
            }
            status.applying(consumer);
            applyWithRetries(consumer, record, projection, span);
        } catch (DeadLetterException e) {
            span.setStatus(StatusCode.ERROR, "dead-lettered");
            span.setAttribute("error.type", DeadLetterException.class.getName());
            throw e;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute("error.type", e.getClass().getName());
            throw e;
        } finally {
            status.applied(consumer);
            span.end();
            if (ownMdc) {
                MDC.remove("traceId");
                MDC.remove("spanId");
            }
        }
    }

    /**
     * Applies a polled batch of records ({@code mp.messaging.incoming.<channel>.batch=true}): all of them in one
     * transaction (one commit, one parked-case query, one checkpoint per partition; each record still has its own span,
     * inbox entry and projection), which is what lets a consumer keep up with a migration or a burst. If the batch cannot
     * be applied as a whole (a poison record, a parked case among its keys), its records are applied one by one as
     * {@link #apply} does, and a record that cannot be applied is negatively acknowledged: the connector's
     * {@code dead-letter-queue} strategy sends it to {@code case-events-dlq} with the reason, exactly as for a single
     * record. Database outages are retried with back-off, holding the partitions. The batch is acknowledged at the end.
     */
    public java.util.concurrent.CompletionStage<Void> applyBatch(String consumer,
            io.smallrye.reactive.messaging.kafka.KafkaRecordBatch<String, String> batch, Consumer<EventEnvelope> projection) {
        List<io.smallrye.reactive.messaging.kafka.KafkaRecord<String, String>> records = batch.getRecords();
        List<ConsumerRecord<String, String>> raw = new java.util.ArrayList<>(records.size());
        for (var r : records) {
            raw.add(r.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                    .map(m -> (ConsumerRecord<String, String>) m.getRecord()).orElseThrow());
        }
        status.applying(consumer);
        try {
            if (!raw.isEmpty() && applyAllWithRetries(consumer, raw, projection)) {
                meters.counter("aeh.consumer.applied", "consumer", consumer).increment(raw.size());
                return batch.ack();
            }
            // one by one: the records before a poison one are applied, the poison one and later ones of its case go to the
            // dead-letter topic, the others are applied
            List<java.util.concurrent.CompletableFuture<Void>> nacks = new java.util.ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                try {
                    apply(consumer, raw.get(i), projection);
                } catch (DeadLetterException e) {
                    nacks.add(records.get(i).nack(e).toCompletableFuture());
                }
            }
            return java.util.concurrent.CompletableFuture.allOf(nacks.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .thenCompose(done -> batch.ack());
        } finally {
            status.applied(consumer);
        }
    }

    /** True when the whole batch was applied in one transaction; false when it has to go record by record. */
    private boolean applyAllWithRetries(String consumer, List<ConsumerRecord<String, String>> records, Consumer<EventEnvelope> projection) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            List<Span> spans = new java.util.ArrayList<>();
            try {
                Map<TopicPartition, Long> skip = QuarkusTransaction.requiringNew().call(() -> applyAllInTransaction(consumer, records,
                        projection, spans));
                spans.forEach(Span::end);
                if (skip == null) {
                    return false;
                }
                skip.forEach((tp, checkpoint) -> skipAhead(consumer, records.stream().filter(r -> r.partition() == tp.partition())
                        .reduce((a, b) -> b).orElseThrow(), checkpoint));
                return true;
            } catch (RuntimeException e) {
                spans.forEach(sp -> {
                    sp.setStatus(StatusCode.ERROR);
                    sp.end();
                });
                if (isTransient(e)) {
                    LOG.warnf("%s: database unavailable while applying a batch of %d records (%s); retrying in %s", consumer,
                            records.size(), rootMessage(e), backoff);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                            : backoff.multipliedBy(2);
                    continue;
                }
                LOG.debugf("%s: a batch of %d records could not be applied as a whole (%s); one by one", consumer, records.size(),
                        rootMessage(e));
                return false;
            }
        }
    }

    /**
     * The batch in one transaction; null (nothing written) when one of its cases is parked. Returns the partitions whose
     * checkpoint lies far beyond the batch ({@link #skipAhead}).
     */
    private Map<TopicPartition, Long> applyAllInTransaction(String consumer, List<ConsumerRecord<String, String>> records,
            Consumer<EventEnvelope> projection, List<Span> spans) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("set local lock_timeout = '" + lockTimeout.toMillis() + "ms'")) {
                ps.execute();
            }
            if (anyParked(c, consumer, records)) {
                return null;
            }
            // parse every record first, then one inbox statement for the batch: the ids seen for the first time
            List<EventEnvelope> envelopes = new java.util.ArrayList<>(records.size());
            for (ConsumerRecord<String, String> record : records) {
                envelopes.add(codec.parse(record.value()));
            }
            java.util.Set<java.util.UUID> firstTime = firstTime(c, consumer, envelopes);
            Map<TopicPartition, ConsumerRecord<String, String>> last = new java.util.LinkedHashMap<>();
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> record = records.get(i);
                Span span = consumerSpan(consumer, record);
                spans.add(span);
                try (Scope ignored = span.makeCurrent()) {
                    EventEnvelope envelope = envelopes.get(i);
                    describe(span, consumer, envelope);
                    // remove: the same event twice in one batch takes effect once
                    if (firstTime.remove(envelope.id())) {
                        projection.accept(envelope);
                    } else {
                        span.setAttribute("aeh.consumer.duplicate", true);
                        meters.counter("aeh.consumer.duplicates", "consumer", consumer).increment();
                    }
                }
                last.put(new TopicPartition(record.topic(), record.partition()), record);
            }
            Map<TopicPartition, Long> skip = new java.util.HashMap<>();
            for (var e : last.entrySet()) {
                if (!claim(c, consumer, e.getValue())) {
                    long checkpoint = checkpoint(c, consumer, e.getValue());
                    if (checkpoint - e.getValue().offset() >= skipAheadGap) {
                        skip.put(e.getKey(), checkpoint);
                    }
                }
            }
            return skip;
        } catch (SQLException e) {
            throw new ConsumerStorageException(e);
        }
    }

    /** Records the batch's event ids in the inbox in one statement; answers those not seen before. */
    private static java.util.Set<java.util.UUID> firstTime(Connection c, String consumer, List<EventEnvelope> envelopes) throws SQLException {
        java.util.Set<java.util.UUID> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into consumer_inbox (consumer, event_id) select ?, unnest(?::uuid[]) on conflict do nothing returning event_id")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", envelopes.stream().map(EventEnvelope::id).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, java.util.UUID.class));
                }
            }
        }
        return out;
    }

    private static boolean anyParked(Connection c, String consumer, List<ConsumerRecord<String, String>> records) throws SQLException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            if (r.key() != null) {
                keys.add(r.key());
            }
        }
        if (keys.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from consumer_parked_case where consumer = ? and case_id = any (?) limit 1")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void applyWithRetries(String consumer, ConsumerRecord<String, String> record,
            Consumer<EventEnvelope> projection, Span span) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                Long checkpoint = QuarkusTransaction.requiringNew().call(() -> applyInTransaction(consumer, record, projection, span));
                meters.counter("aeh.consumer.applied", "consumer", consumer).increment();
                if (checkpoint != null) {
                    // after the commit: the seek runs on the polling thread and must not join this record's transaction
                    skipAhead(consumer, record, checkpoint);
                }
                return;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    LOG.warnf("%s: database unavailable while applying %s-%d@%d (%s); retrying in %s", consumer,
                            record.topic(), record.partition(), record.offset(), rootMessage(e), backoff);
                    span.addEvent("retry after database outage");
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

    /** Returns the partition's checkpoint when the record lies far below it ({@link #skipAhead}), else null. */
    private Long applyInTransaction(String consumer, ConsumerRecord<String, String> record,
            Consumer<EventEnvelope> projection, Span span) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("set local lock_timeout = '" + lockTimeout.toMillis() + "ms'")) {
                ps.execute();
            }
            if (record.key() != null && isParked(c, consumer, record.key())) {
                span.setAttribute("aeh.consumer.case_parked", true);
                throw new CaseParkedException(record.key());
            }
            EventEnvelope envelope = codec.parse(record.value());
            describe(span, consumer, envelope);
            if (firstTime(c, consumer, envelope)) {
                projection.accept(envelope);
            } else {
                span.setAttribute("aeh.consumer.duplicate", true);
                meters.counter("aeh.consumer.duplicates", "consumer", consumer).increment();
            }
            if (!claim(c, consumer, record)) {
                // the checkpoint is past this record already: a catch-up rebuild may have filled the projection in bulk
                span.setAttribute("aeh.consumer.below_checkpoint", true);
                long checkpoint = checkpoint(c, consumer, record);
                return checkpoint - record.offset() >= skipAheadGap ? checkpoint : null;
            }
            return null;
        } catch (SQLException e) {
            throw new ConsumerStorageException(e);
        }
    }

    /**
     * The CONSUMER span of one record: child of the Kafka header {@code traceparent}, else of the
     * envelope's. The record key (the case id) is not recorded: it is pseudonymous personal data and
     * trace backends cannot honour erasure; the event id (added once parsed) leads to the case.
     */
    private Span consumerSpan(String consumer, ConsumerRecord<String, String> record) {
        Context parent = TraceContext.parentOf(headerTraceparent(record));
        if (parent == null) {
            parent = TraceContext.parentOf(envelopeTraceparent(record.value()));
        }
        var builder = tracing.tracer().spanBuilder(consumer + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.operation.name", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("aeh.consumer", consumer);
        if (parent != null) {
            builder.setParent(parent);
        } else {
            builder.setNoParent();
        }
        return builder.startSpan();
    }

    private static void describe(Span span, String consumer, EventEnvelope envelope) {
        if (envelope.type() != null) {
            span.updateName(consumer + " process " + envelope.type());
            span.setAttribute("cloudevents.event_type", envelope.type());
        }
        if (envelope.id() != null) {
            span.setAttribute("messaging.message.id", envelope.id().toString());
        }
    }

    private static String headerTraceparent(ConsumerRecord<?, ?> record) {
        Header h = record.headers().lastHeader(TraceContext.TRACEPARENT);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The envelope's {@code traceparent} read leniently (the strict parse, which may dead-letter, comes later). */
    private String envelopeTraceparent(String value) {
        if (value == null) {
            return null;
        }
        try {
            var tree = codec.mapper().readTree(value);
            return tree != null && tree.hasNonNull(TraceContext.TRACEPARENT) ? tree.get(TraceContext.TRACEPARENT).asText()
                    : null;
        } catch (Exception e) {
            return null;
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

    /**
     * Advances the partition's checkpoint past {@code r}, in the transaction that applies it; false when the checkpoint is
     * there already (a record delivered again after a rebalance, or one a catch-up rebuild applied in bulk). The inbox,
     * not this answer, decides whether the record is applied: a checkpoint is only as good as the topic it was taken on.
     */
    private static boolean claim(Connection c, String consumer, ConsumerRecord<?, ?> r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into consumer_checkpoint (consumer, topic, partition, next_offset) values (?, ?, ?, ?) "
                        + "on conflict (consumer, topic, partition) do update set next_offset = excluded.next_offset, updated_at = now() "
                        + "where consumer_checkpoint.next_offset < excluded.next_offset")) {
            ps.setString(1, consumer);
            ps.setString(2, r.topic());
            ps.setInt(3, r.partition());
            ps.setLong(4, r.offset() + 1);
            return ps.executeUpdate() == 1;
        }
    }

    private static long checkpoint(Connection c, String consumer, ConsumerRecord<?, ?> r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select next_offset from consumer_checkpoint where consumer = ? and topic = ? and partition = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, r.topic());
            ps.setInt(3, r.partition());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : r.offset();
            }
        }
    }

    /**
     * Far below the checkpoint (a catch-up rebuild filled the projection in bulk and moved the checkpoint to the end of the
     * log it read): instead of applying again, one by one, what the rebuild applied (the projections' writes are idempotent
     * per event, so that would only cost time), the channel's Kafka consumer moves on to the checkpoint. Never beyond the
     * end of the partition: a checkpoint taken on an earlier incarnation of the topic is not followed.
     */
    private void skipAhead(String consumer, ConsumerRecord<?, ?> r, long next) {
        // every partition of this consumer behind its checkpoint moves, not only the record's: a catch-up moved them all
        Map<Integer, Long> checkpoints = status.checkpoints(consumer, r.topic());
        checkpoints.merge(r.partition(), next, Math::max);
        for (var kafka : kafkaClients.<Object, Object>getConsumers(channel)) {
            kafka.runOnPollingThread(k -> {
                List<TopicPartition> behind = new java.util.ArrayList<>();
                for (TopicPartition tp : k.assignment()) {
                    Long checkpoint = tp.topic().equals(r.topic()) ? checkpoints.get(tp.partition()) : null;
                    if (checkpoint != null && k.position(tp) < checkpoint && !checkpoint.equals(notFollowed.get(tp))) {
                        behind.add(tp);
                    }
                }
                if (behind.isEmpty()) {
                    return;
                }
                Map<TopicPartition, Long> ends = k.endOffsets(behind);
                for (TopicPartition tp : behind) {
                    long checkpoint = checkpoints.get(tp.partition());
                    Long end = ends.get(tp);
                    if (end == null || checkpoint > end) {
                        notFollowed.put(tp, checkpoint);
                        LOG.warnf("%s: the checkpoint %d of %s lies beyond the end of the partition (%s): not followed", consumer, checkpoint, tp, end);
                    } else {
                        LOG.infof("%s: %s was handled up to offset %d (checkpoint) while this consumer read at %d: moving on to the checkpoint",
                                consumer, tp, checkpoint, k.position(tp));
                        k.seek(tp, checkpoint);
                    }
                }
            }).subscribe().with(ok -> { }, e -> LOG.warnf(e, "%s: moving on to the checkpoints failed; the records are applied again one by one"
                    + " (idempotent)", consumer));
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
                claim(c, consumer, record);
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
        return de.auseinerhand.eventstore.TransientFailure.isTransient(e);
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
