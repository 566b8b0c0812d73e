package de.auseinerhand.eventstore.outbox;

import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.eventstore.tracing.EventTracing;
import de.auseinerhand.eventstore.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka in id order with an idempotent producer ({@code acks=all}), keyed by
 * case id, and deletes a row only after the broker acknowledged it. While Kafka is unreachable it
 * backs off and publishes nothing, so order per case is kept; the rows simply wait.
 *
 * <p>Only one relay per service is active: the one holding the PostgreSQL advisory lock
 * {@code aeh.outbox.lock-key} on its own session. Other replicas wait and take over when that session
 * ends. The active relay sleeps until {@link OutboxSignal} wakes it after an append's commit (in
 * memory for appends of this replica, {@code NOTIFY aeh_outbox} for appends of other replicas) and
 * looks at the outbox at least once a second.
 *
 * <p>Tracing: each record is sent inside a PRODUCER span {@code send case-events}, a child of the
 * envelope's {@code traceparent} (the request that appended it), and carries that span's context in
 * the Kafka header {@code traceparent}; consumers continue the trace from there.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @ConfigProperty(name = "aeh.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "aeh.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "aeh.outbox.lock-key", defaultValue = "7301")
    long lockKey;

    /**
     * The largest record the topic accepts (its {@code max.message.bytes}, Kafka's default 1 MiB, less the record's
     * overhead): a larger row is parked before it is sent, so that no later row of its case is sent past it.
     */
    @ConfigProperty(name = "aeh.outbox.max-record-bytes", defaultValue = "1000000")
    int maxRecordBytes;

    @ConfigProperty(name = "aeh.outbox.max-backoff", defaultValue = "PT5S")
    Duration maxBackoff;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> dbPassword;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "aus-einer-hand")
    String applicationName;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Inject
    OutboxSignal signal;

    @Inject
    EventTracing tracing;

    private volatile boolean running;
    private volatile boolean paused;
    private volatile boolean leader;
    private volatile Thread worker;
    private volatile boolean lastAttemptFailed;
    private final AtomicLong backlog = new AtomicLong();
    private final java.util.concurrent.locks.ReentrantLock cycle = new java.util.concurrent.locks.ReentrantLock();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;
    private Timer commitToAck;

    void onStart(@Observes StartupEvent ev) {
        Gauge.builder("aeh.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka").register(meters);
        Gauge.builder("aeh.outbox.lag.seconds", oldestAgeMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row").register(meters);
        Gauge.builder("aeh.outbox.parked", parkedRows, AtomicLong::get)
                .description("Outbox rows the broker refused for good, set aside; later events of their cases wait").register(meters);
        Gauge.builder("aeh.outbox.leader", () -> leader ? 1 : 0)
                .description("1 while this replica holds the relay lock").register(meters);
        published = meters.counter("aeh.outbox.published");
        failures = meters.counter("aeh.outbox.publish.failures");
        commitToAck = Timer.builder("aeh.outbox.commit.to.ack").publishPercentiles(0.5, 0.99)
                .description("From the append's recording time to the broker's acknowledgement").register(meters);
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "outbox-relay");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /** Stops the relay and waits until it has let go of its lock (graceful shutdown drains the current batch). */
    public synchronized void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /**
     * Pauses publishing (rows keep accumulating) and returns once no publish is in progress; used by
     * operators during maintenance and by tests.
     */
    public void pause() {
        paused = true;
        cycle.lock();
        cycle.unlock();
    }

    public void resume() {
        paused = false;
        signal.wakeLocal();
    }

    public boolean isLeader() {
        return leader;
    }

    public long backlog() {
        return backlog.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection session = openSession()) {
                if (!tryLock(session)) {
                    leader = false;
                    sleep(Duration.ofSeconds(2));
                    continue;
                }
                leader = true;
                LOG.infof("outbox relay of %s is active (advisory lock %d)", applicationName, lockKey);
                try (Statement st = session.createStatement()) {
                    st.execute("listen " + OutboxSignal.CHANNEL);
                }
                PGConnection pg = session.unwrap(PGConnection.class);
                signal.relayActive(true);
                while (running) {
                    if (paused) {
                        refreshBacklog(session);
                        sleep(Duration.ofMillis(200));
                        continue;
                    }
                    List<OutboxRow> rows;
                    int done;
                    cycle.lock();
                    try {
                        rows = paused ? List.of() : fetch(session, batchSize);
                        done = rows.isEmpty() ? 0 : publish(session, rows, true);
                    } finally {
                        cycle.unlock();
                    }
                    if (rows.isEmpty()) {
                        if (!paused) {
                            backlog.set(0);
                            oldestAgeMillis.set(0);
                            awaitWork(pg);
                        }
                        continue;
                    }
                    oldestAgeMillis.set(ageMillis(rows.get(0).recordedAt()));
                    if (done < rows.size()) {
                        refreshBacklog(session);
                        sleep(backoff);
                        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                    } else {
                        backoff = Duration.ofMillis(100);
                        if (rows.size() < batchSize) {
                            refreshBacklog(session);
                        }
                    }
                }
            } catch (SQLException e) {
                leader = false;
                signal.relayActive(false);
                if (running) {
                    LOG.warnf("outbox relay lost its database session: %s; retrying", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            } catch (RuntimeException e) {
                leader = false;
                signal.relayActive(false);
                LOG.error("outbox relay failed unexpectedly; restarting", e);
                sleep(Duration.ofSeconds(1));
            }
        }
        leader = false;
        signal.relayActive(false);
    }

    /**
     * Sleeps until an append commits here (in-memory wake-up) or in another replica ({@code NOTIFY},
     * checked without blocking every 20 ms), or at most a second.
     */
    private void awaitWork(PGConnection pg) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (running && !paused && System.nanoTime() < deadline) {
            try {
                if (signal.awaitLocal(20)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            var notes = pg.getNotifications();
            if (notes != null && notes.length > 0) {
                return;
            }
        }
    }

    private Connection openSession() throws SQLException {
        Properties p = new Properties();
        dbUser.ifPresent(u -> p.setProperty("user", u));
        dbPassword.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", applicationName + "-outbox-relay");
        Connection c = DriverManager.getConnection(jdbcUrl, p);
        c.setAutoCommit(true);
        return c;
    }

    private boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, lockKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Age of a row by this replica's clock, never negative: {@code recorded_at} comes from the replica that wrote the row,
     * and a writer whose clock runs ahead of this one (fault F22, clock skew) must not make the lag gauge negative and
     * break the alerts that watch it.
     */
    private long ageMillis(Instant recordedAt) {
        return Math.max(0, Duration.between(recordedAt, Instant.now(clock)).toMillis());
    }

    private void refreshBacklog(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*), min(recorded_at) from es_outbox o"
                        + " where not exists (select 1 from es_outbox_parked p where p.message_key = o.message_key)")) {
            rs.next();
            backlog.set(rs.getLong(1));
            java.sql.Timestamp oldest = rs.getTimestamp(2);
            oldestAgeMillis.set(oldest == null ? 0 : ageMillis(oldest.toInstant()));
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from es_outbox_parked")) {
            rs.next();
            parkedRows.set(rs.getLong(1));
        }
    }

    private static List<OutboxRow> fetch(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select o.id, o.topic, o.message_key, e.envelope::text, o.recorded_at, e.event_id::text, e.event_type, "
                        + "e.envelope->>'traceparent' from es_outbox o "
                        + "join es_event e on e.global_position = o.global_position "
                        + "where not exists (select 1 from es_outbox_parked p where p.message_key = o.message_key) order by o.id limit ?")) {
            ps.setInt(1, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return rows;
        }
    }

    /**
     * Sends the rows in order and waits for the broker; deletes the acknowledged prefix when
     * {@code removeAfterAck}. Returns how many rows (from the start) were acknowledged.
     *
     * <p>{@code removeAfterAck = false} leaves the rows in place after the broker acknowledged them,
     * exactly what a relay that crashed between acknowledgement and delete leaves behind; the next
     * run publishes them again and consumers deduplicate by event id.
     */
    public int publish(Connection session, List<OutboxRow> rows, boolean removeAfterAck) throws SQLException {
        KafkaProducer<String, String> p = producer();
        if (lastAttemptFailed && !brokerReachable()) {
            // Nothing is sent while the broker is away, so no later row can overtake an earlier one.
            failures.increment();
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>(rows.size());
        int tooLarge = -1;
        for (OutboxRow row : rows) {
            if (row.payload().length() > maxRecordBytes / 4 && row.payload().getBytes(StandardCharsets.UTF_8).length > maxRecordBytes) {
                // the broker would refuse it: nothing after it is sent, so no later row of its case overtakes it
                tooLarge = sent.size();
                break;
            }
            ProducerRecord<String, String> rec = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            rec.headers().add("content-type", EventEnvelope.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
            Span span = producerSpan(row);
            String traceparent = TraceContext.traceparentOf(span.getSpanContext());
            if (traceparent == null) {
                // tracing off: pass the envelope's context on unchanged
                traceparent = row.traceparent();
            }
            if (traceparent != null) {
                rec.headers().add(TraceContext.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
            }
            try {
                sent.add(p.send(rec));
                spans.add(span);
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR, "not sent");
                span.setAttribute("error.type", e.getClass().getName());
                span.end();
                break;
            }
        }
        int acked = 0;
        boolean parkedNow = false;
        for (Future<RecordMetadata> f : sent) {
            Span span = spans.get(acked);
            try {
                RecordMetadata md = f.get(30, TimeUnit.SECONDS);
                span.setAttribute("messaging.destination.partition.id", String.valueOf(md.partition()));
                span.setAttribute("messaging.kafka.offset", md.offset());
                span.end();
                acked++;
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                span.setStatus(StatusCode.ERROR, "not acknowledged");
                span.setAttribute("error.type", cause.getClass().getName());
                span.end();
                if (refusedForGood(cause)) {
                    // refused by the broker itself (its limit below aeh.outbox.max-record-bytes): rows sent after it in this
                    // batch may have gone out already; the case's rows still in the outbox wait
                    park(session, rows.get(acked), cause);
                    parkedNow = true;
                } else {
                    LOG.warnf("publishing outbox row failed: %s", e.getMessage());
                }
                break;
            }
        }
        for (int i = acked + 1; i < spans.size(); i++) {
            // sent after the first failure: their outcome is not waited for, the rows are published again
            spans.get(i).setStatus(StatusCode.ERROR, "not acknowledged");
            spans.get(i).end();
        }
        if (tooLarge >= 0 && acked == tooLarge && !parkedNow) {
            OutboxRow row = rows.get(tooLarge);
            park(session, row, new org.apache.kafka.common.errors.RecordTooLargeException("the record has "
                    + row.payload().getBytes(StandardCharsets.UTF_8).length + " bytes; the topic accepts at most " + maxRecordBytes
                    + " (aeh.outbox.max-record-bytes)"));
            parkedNow = true;
        }
        Instant now = Instant.now(clock);
        for (int i = 0; i < acked; i++) {
            // a row written by a replica whose clock runs ahead would have a negative age (fault F22): it counts as 0
            commitToAck.record(Duration.ofMillis(Math.max(0, Duration.between(rows.get(i).recordedAt(), now).toMillis())));
        }
        if (acked > 0 && removeAfterAck) {
            Long[] ids = rows.subList(0, acked).stream().map(OutboxRow::id).toArray(Long[]::new);
            try (PreparedStatement ps = session.prepareStatement("delete from es_outbox where id = any(?)")) {
                Array array = session.createArrayOf("bigint", ids);
                ps.setArray(1, array);
                ps.executeUpdate();
            }
        }
        published.increment(acked);
        // a parked row is no outage: the rest goes on at once
        lastAttemptFailed = acked < rows.size() && !parkedNow;
        if (lastAttemptFailed) {
            failures.increment();
        }
        return acked;
    }

    /** The broker (or the producer, before sending) refuses this record whatever happens: retrying cannot help. */
    static boolean refusedForGood(Throwable e) {
        return e instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || e instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                || e instanceof org.apache.kafka.common.InvalidRecordException;
    }

    /**
     * Moves a row the broker refused for good to {@code es_outbox_parked}, in one statement: later rows of its case wait
     * in the outbox (order per case is kept), every other case's rows go on. District IT is alerted
     * ({@code aeh_outbox_parked} &gt; 0) and decides (docs/operations.md, "A parked outbox row").
     */
    private void park(Connection session, OutboxRow row, Throwable reason) throws SQLException {
        String why = reason.getClass().getSimpleName() + ": " + reason.getMessage();
        try (PreparedStatement ps = session.prepareStatement("with moved as (delete from es_outbox where id = ? returning id, global_position,"
                + " event_id, topic, message_key, recorded_at) insert into es_outbox_parked (id, global_position, event_id, topic, message_key,"
                + " recorded_at, reason) select id, global_position, event_id, topic, message_key, recorded_at, ? from moved")) {
            ps.setLong(1, row.id());
            ps.setString(2, why.length() > 2000 ? why.substring(0, 2000) : why);
            ps.executeUpdate();
        }
        parkedRows.incrementAndGet();
        LOG.errorf("outbox row %d (event %s, %s) refused by the broker for good and parked: %s; later events of its case wait until it is"
                + " dealt with (docs/operations.md, A parked outbox row)", row.id(), row.eventId(), row.eventType(), why);
    }

    /**
     * A PRODUCER span for one row, child of the envelope's {@code traceparent} (a new trace when the
     * envelope has none). The message key (the case id) is not recorded: it is pseudonymous personal
     * data, and trace backends cannot honour erasure; the event id leads to the case in the store.
     */
    private Span producerSpan(OutboxRow row) {
        Context parent = TraceContext.parentOf(row.traceparent());
        var builder = tracing.tracer().spanBuilder("send " + row.topic()).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.operation.name", "send")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.client.id", applicationName + "-outbox-relay")
                .setAttribute("aeh.outbox.id", row.id());
        if (row.eventId() != null) {
            builder.setAttribute("messaging.message.id", row.eventId());
        }
        if (row.eventType() != null) {
            builder.setAttribute("cloudevents.event_type", row.eventType());
        }
        if (parent != null) {
            builder.setParent(parent);
        } else {
            builder.setNoParent();
        }
        return builder.startSpan();
    }

    /** Publishes every pending row once without removing any (see {@link #publish}); for crash simulation. */
    public int publishPendingWithoutRemoving() throws SQLException {
        try (Connection c = openSession()) {
            return publish(c, fetch(c, batchSize), false);
        }
    }

    /** A real round trip to the cluster (the producer's cached metadata would not notice an outage). */
    private boolean brokerReachable() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-probe");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            LOG.debugf("Kafka still unreachable: %s", e.getMessage());
            return false;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            // stop() clears 'running' before it interrupts, so the loop ends
            Thread.currentThread().interrupt();
        }
    }
}
