package de.auseinerhand.reporting.facts;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.MalformedEventException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Zero-downtime rebuild of the indicator facts: a new version (schema {@code rp_v<n>}) is filled from
 * offset 0 of {@code case-events} by its own reader while the active version keeps serving and the live
 * projection keeps writing; when the reader has caught up, the views in {@code public} switch to the
 * new version in one transaction, the reader follows the log until it reaches the end once more (both
 * writers are idempotent per event), the checksums of both versions are compared, and the old version
 * is dropped. One rebuild at a time (a second is refused).
 */
@ApplicationScoped
public class Rebuilds {
    private static final Logger LOG = Logger.getLogger(Rebuilds.class);
    static final String PROJECTION = "indicator-facts";
    static final List<String> TABLES = List.of("rp_residence", "rp_person", "rp_employability", "rp_membership", "rp_decision", "rp_amount", "rp_termination",
            "rp_posting", "rp_unemployment", "rp_measure", "rp_integration", "rp_employment_end", "rp_caseworker", "rp_case_closure");
    /**
     * The format of the facts this code writes: 2 added case closures (stocks come from the facts), 3
     * made person facts bitemporal (a row per event), 4 added employability changes, 5 the stored figures. A database holding an older format is rebuilt
     * once at start-up.
     */
    static final int FORMAT = 5;
    /**
     * The measure mapping (reference/active-measures.json) the stored figures of {@link #FORMAT} were derived with: a
     * release that changes the file raises the format and records the file's SHA-256 here (MappingFormatTest).
     */
    static final String MAPPING_SHA256 = "7c4c463671d099a05abb5213efeb0a8d3c7d4e31cf243e2374d0084e80b2b067";
    /**
     * Tables derived from the facts (indicators.StoredFigures): created and switched with them, filled after the rebuild
     * has caught up, not part of the checksum (they follow from the facts it compares).
     */
    static final List<String> DERIVED = List.of("rp_dirty", "rp_contribution", "rp_figures");
    /** Key columns that order the rows of each table for the checksum. */
    static final Map<String, String> ORDER = Map.ofEntries(Map.entry("rp_residence", "event_id"), Map.entry("rp_person", "event_id"), Map.entry("rp_employability", "event_id"),
            Map.entry("rp_membership", "event_id"), Map.entry("rp_decision", "decision_id"), Map.entry("rp_amount", "event_id, person_id"),
            Map.entry("rp_termination", "event_id"), Map.entry("rp_posting", "event_id, person_id"), Map.entry("rp_unemployment", "event_id"),
            Map.entry("rp_measure", "event_id"), Map.entry("rp_integration", "event_id"), Map.entry("rp_employment_end", "event_id"),
            Map.entry("rp_caseworker", "event_id"), Map.entry("rp_case_closure", "event_id"));

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    java.util.Optional<String> dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> dbPassword;

    @ConfigProperty(name = "mp.messaging.incoming.case-events.topic", defaultValue = "case-events")
    String topic;

    public record Progress(UUID rebuildId, int version, String status, Instant startedAt, long events, double eventsPerSecond, long lag,
                           Double etaSeconds, Instant switchedAt, Instant finishedAt, String checksumLive, String checksumRebuilt,
                           Boolean checksumsEqual, Long personsWithOtherFigures, String message) {
    }

    private final AtomicReference<Progress> current = new AtomicReference<>();

    @Inject
    void metrics(MeterRegistry registry) {
        Gauge.builder("aeh_rebuild_progress_ratio", this, r -> {
            Progress p = r.current.get();
            if (p == null || p.events() + p.lag() == 0) {
                return 0;
            }
            return p.status().equals("DONE") ? 1.0 : (double) p.events() / (p.events() + p.lag());
        }).description("share of case-events applied by the running (or last) projection rebuild").register(registry);
    }

    /**
     * How far (events) the live consumer may be behind {@code case-events} before the facts are filled by a rebuild
     * instead of record by record: at start-up (an empty or lost database, one restored from an old backup, a replica
     * that was down for long), and at the end of every rebuild, which then moves the live consumer's checkpoints to
     * where it read ({@link #advanceCheckpoints}). The live path applies about 600 events/s, a rebuild 25,000 and more: 10,000 events are some 17 s record by record.
     */
    @ConfigProperty(name = "aeh.reporting.catch-up-threshold", defaultValue = "10000")
    long catchUpThreshold;

    @ConfigProperty(name = "aeh.consumer.name")
    String consumerName;

    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev) {
        if (upgradeFormat() == null) {
            // asks the broker, which may not be there yet: in the background, start-up does not wait for it
            Thread t = new Thread(() -> {
                try {
                    catchUpIfFarBehind(catchUpThreshold);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "checking how far the facts are behind case-events failed; the live consumer catches up record by record");
                }
            }, "projection-catch-up-check");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Starts a rebuild when the live consumer is at least {@code threshold} events behind the end of {@code case-events}
     * (a partition without checkpoint counts from the start of the log); null when it is not, or a rebuild runs already.
     */
    public Progress catchUpIfFarBehind(long threshold) {
        // offsets only, no records: asked of the broker's admin API (a consumer would want the partitions assigned)
        Properties props = new Properties();
        props.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(60, java.util.concurrent.TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> earliest = new java.util.HashMap<>();
            description.partitions().forEach(p -> {
                latest.put(new TopicPartition(topic, p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), org.apache.kafka.clients.admin.OffsetSpec.earliest());
            });
            long behind = behind(offsets(admin, latest), offsets(admin, earliest));
            if (behind < threshold) {
                LOG.debugf("the live consumer is %d events behind case-events: no catch-up rebuild", behind);
                return null;
            }
            LOG.infof("the live consumer is %d events behind case-events (threshold %d): filling the facts with a rebuild", behind, threshold);
            return start("system:catch-up", false, threshold);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("the offsets of " + topic + " could not be read", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the offsets of " + topic + " could not be read in 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> offsets(org.apache.kafka.clients.admin.Admin admin,
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> spec)
            throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        Map<TopicPartition, Long> result = new java.util.HashMap<>();
        admin.listOffsets(spec).all().get(60, java.util.concurrent.TimeUnit.SECONDS).forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(60));
        if (infos != null) {
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    /** Events between the live consumer's checkpoints (or {@code beginning} where it has none) and {@code positions}. */
    private long behind(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> beginning) {
        Map<Integer, Long> checkpoints = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select partition, next_offset from consumer_checkpoint where consumer = ? and topic = ?")) {
            ps.setString(1, consumerName);
            ps.setString(2, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checkpoints.put(rs.getInt(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> p : positions.entrySet()) {
            long from = checkpoints.getOrDefault(p.getKey().partition(), beginning.getOrDefault(p.getKey(), 0L));
            behind += Math.max(0, p.getValue() - from);
        }
        return behind;
    }

    /**
     * The rebuilt version, now active, holds every event up to {@code reached}: the live consumer's checkpoints move there
     * (never back), in one transaction, and its Kafka consumer follows when it next applies a record below them
     * (libs/event-store CaseEventConsumer). What it applies again meanwhile changes nothing: every fact write is
     * idempotent per event.
     */
    private void advanceCheckpoints(Map<TopicPartition, Long> reached) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into consumer_checkpoint (consumer, topic, partition, next_offset) values (?, ?, ?, ?) on conflict (consumer, topic, partition)"
                        + " do update set next_offset = greatest(consumer_checkpoint.next_offset, excluded.next_offset), updated_at = now()")) {
            c.setAutoCommit(false);
            for (Map.Entry<TopicPartition, Long> p : reached.entrySet()) {
                ps.setString(1, consumerName);
                ps.setString(2, p.getKey().topic());
                ps.setInt(3, p.getKey().partition());
                ps.setLong(4, p.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /**
     * Facts in an older format than this code writes are rebuilt once, in the background (at start-up).
     * Returns the rebuild started, or null when the format is current or a rebuild runs already.
     */
    public Progress upgradeFormat() {
        int stored = storedFormat();
        if (stored < FORMAT) {
            LOG.infof("indicator facts are in format %d, this version writes format %d: rebuilding them", stored, FORMAT);
            return start("system:facts-format-" + FORMAT, true, catchUpThreshold);
        }
        return null;
    }

    private int storedFormat() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select format from projection_version where projection = ?")) {
            ps.setString(1, PROJECTION);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The running or last rebuild. A rebuild running on another replica (it holds {@link #REBUILD_LOCK}) is
     * reported from its row in {@code projection_rebuild}: status, version, start and who asked; events and
     * lag are known only to that replica (its own endpoint and log). A row left RUNNING by a replica that
     * died is reported as INTERRUPTED.
     */
    public Progress progress() {
        Progress p = current.get();
        if (p != null && (p.status().equals("RUNNING") || p.status().equals("SWITCHING"))) {
            return p;
        }
        Progress latest = latestRecorded();
        if (latest == null || (p != null && (latest.rebuildId().equals(p.rebuildId()) || !latest.startedAt().isAfter(p.startedAt())))) {
            return p;
        }
        if (latest.status().equals("RUNNING") && !lockHeldElsewhere()) {
            return new Progress(latest.rebuildId(), latest.version(), "INTERRUPTED", latest.startedAt(), 0, 0, 0, null, null, null, null, null,
                    null, null, "the replica running it stopped; start a new rebuild");
        }
        return latest;
    }

    private Progress latestRecorded() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select rebuild_id, version, status, started_at, requested_by, finished_at from projection_rebuild where projection = ?"
                        + " order by started_at desc limit 1")) {
            ps.setString(1, PROJECTION);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                java.sql.Timestamp finished = rs.getTimestamp(6);
                return new Progress(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(), 0, 0, 0, null,
                        null, finished == null ? null : finished.toInstant(), null, null, null, null,
                        rs.getString(3).equals("RUNNING") ? "running on another replica (requested by " + rs.getString(5) + ")" : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean lockHeldElsewhere() {
        try (Connection c = writerConnection()) {
            if (tryLock(c)) {
                unlock(c);
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The advisory lock that one rebuild holds for its whole run, across all replicas on this database. */
    static final long REBUILD_LOCK = 7_304_001L;

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, REBUILD_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, REBUILD_LOCK);
            ps.execute();
        } catch (SQLException e) {
            LOG.warnf(e, "releasing the rebuild lock failed; it goes with the session");
        }
    }

    /** Starts a rebuild in the background; refused (null) while one runs here or on another replica. */
    public Progress start(String actor) {
        return start(actor, false, catchUpThreshold);
    }

    /**
     * Starts a rebuild holding {@link #REBUILD_LOCK} on a session of its own for its whole run, so that
     * two replicas never build and drop the same {@code rp_v<n>} schema. {@code onlyIfOutdated}: the format
     * upgrade at start-up, which re-checks the format once it holds the lock (another replica may have
     * upgraded it meanwhile).
     */
    synchronized Progress start(String actor, boolean onlyIfOutdated, long checkpointThreshold) {
        Progress p = current.get();
        if (p != null && (p.status().equals("RUNNING") || p.status().equals("SWITCHING"))) {
            return null;
        }
        Connection lock;
        try {
            lock = writerConnection();
            if (!tryLock(lock)) {
                lock.close();
                LOG.info("a rebuild runs on another replica; this one serves the live version");
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rebuild lock could not be taken", e);
        }
        try {
            if (onlyIfOutdated && storedFormat() >= FORMAT) {
                releaseAndClose(lock);
                return null;
            }
            int version = activeVersion() + 1;
            UUID id = UUID.randomUUID();
            Instant started = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            sql("insert into projection_rebuild (rebuild_id, projection, version, requested_by, started_at, status) values (?,?,?,?,?,'RUNNING')",
                    id, PROJECTION, version, actor, java.sql.Timestamp.from(started));
            Progress first = new Progress(id, version, "RUNNING", started, 0, 0, 0, null, null, null, null, null, null, null, null);
            current.set(first);
            Thread t = new Thread(() -> {
                try {
                    run(first, checkpointThreshold);
                } finally {
                    releaseAndClose(lock);
                }
            }, "projection-rebuild");
            t.setDaemon(true);
            t.start();
            return first;
        } catch (RuntimeException e) {
            releaseAndClose(lock);
            throw e;
        }
    }

    private static void releaseAndClose(Connection lock) {
        unlock(lock);
        try {
            lock.close();
        } catch (SQLException e) {
            LOG.debug("closing the rebuild lock session failed", e);
        }
    }

    private void run(Progress p, long checkpointThreshold) {
        String schema = "rp_v" + p.version();
        int old = activeVersion();
        try {
            List<String> secondaryIndexes = createSchema(schema, "rp_v" + old);
            try (KafkaConsumer<String, String> consumer = consumer(); Connection c = writerConnection()) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("set search_path to " + schema + ", public");
                }
                long[] applied = {0};
                Instant[] switchedAt = {null};
                try {
                // phase 1: catch up with the end of the log as it was when the rebuild started
                follow(consumer, c, partitions, p, applied, consumer.endOffsets(partitions), false);
                // the indexes that only queries and the derivation need are built once, now, instead of row by row
                for (String index : secondaryIndexes) {
                    sql(index);
                }
                // the stored figures of everything read so far, in one pass (each person once per day of knowledge)
                long tDerive = System.nanoTime();
                int persons = de.auseinerhand.reporting.indicators.StoredFigures.derive(c, p.version());
                c.commit();
                LOG.infof("rebuild %s: stored figures of %d persons derived in %d ms", p.rebuildId(), persons, (System.nanoTime() - tDerive) / 1_000_000);
                // statistics for the new tables before queries use them (the planner knows nothing of a table filled just now)
                for (String t : allTables()) {
                    sql("analyze " + schema + "." + t);
                }
                // phase 2: switch the views in one transaction, then follow to the end once more
                update(p, "SWITCHING", applied[0], 0, null);
                switchedAt[0] = switchTo(p.version());
                follow(consumer, c, partitions, p, applied, consumer.endOffsets(partitions), true);
                Map<TopicPartition, Long> reached = new java.util.HashMap<>();
                for (TopicPartition tp : partitions) {
                    reached.put(tp, consumer.position(tp));
                }
                long behind = behind(reached, consumer.beginningOffsets(partitions));
                if (behind >= checkpointThreshold) {
                    advanceCheckpoints(reached);
                    LOG.infof("rebuild %s: the live consumer was %d events behind; its checkpoints moved to where the rebuild read", p.rebuildId(), behind);
                }
                } finally {
                    c.rollback();
                    try (Statement s = c.createStatement()) {
                        s.execute("reset search_path");
                    }
                    c.setAutoCommit(true);
                }
                Instant switched = switchedAt[0];
                // compare what the live version held at the switch with the same rows of the rebuilt one
                String live = checksum("rp_v" + old, "rp_v" + old);
                String rebuilt = checksum(schema, "rp_v" + old);
                String differences = live.equals(rebuilt) ? null : differences("rp_v" + old, schema);
                if (differences != null) {
                    // the live rows are about to go: say which tables differ and how, for the diagnosis
                    LOG.warnf("rebuild %s: the live projection differs from the rebuild: %s", p.rebuildId(), differences);
                }
                // the stored figures are derived, not checksummed: compare each person's contributions instead
                long[] figuresDiffering = {0};
                String figures = figuresDifferences("rp_v" + old, schema, figuresDiffering);
                if (figures != null) {
                    LOG.warnf("rebuild %s: %s", p.rebuildId(), figures);
                    differences = differences == null ? figures : differences + "; " + figures;
                }
                sql("drop schema rp_v" + old + " cascade");
                Instant finished = Instant.now(clock);
                double seconds = Math.max(0.001, Duration.between(p.startedAt(), finished).toMillis() / 1000.0);
                Progress done = new Progress(p.rebuildId(), p.version(), "DONE", p.startedAt(), applied[0], applied[0] / seconds, 0, 0.0,
                        switched, finished, live, rebuilt, live.equals(rebuilt), figuresDiffering[0], differences);
                current.set(done);
                sql("update projection_rebuild set status = 'DONE', switched_at = ?, finished_at = ?, events = ?, events_per_second = ?,"
                        + " checksum_live = ?, checksum_rebuilt = ? where rebuild_id = ?", java.sql.Timestamp.from(switched),
                        java.sql.Timestamp.from(finished), applied[0], Math.round(done.eventsPerSecond() * 10) / 10.0, live, rebuilt, p.rebuildId());
                LOG.infof("rebuild %s: version %d active, %d events at %.0f events/s; checksum live %s rebuilt %s (%s)", p.rebuildId(),
                        p.version(), applied[0], done.eventsPerSecond(), live, rebuilt, live.equals(rebuilt) ? "equal" : "DIFFERENT");
            }
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "rebuild %s failed", p.rebuildId());
            Progress failed = new Progress(p.rebuildId(), p.version(), "FAILED", p.startedAt(), current.get().events(), 0, 0, null, null,
                    Instant.now(clock), null, null, null, null, e.getMessage());
            current.set(failed);
            sql("update projection_rebuild set status = 'FAILED', finished_at = now(), message = ? where rebuild_id = ?",
                    String.valueOf(e.getMessage()), p.rebuildId());
            if (activeVersion() != p.version()) {
                sql("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private void follow(KafkaConsumer<String, String> consumer, Connection c, List<TopicPartition> partitions, Progress p, long[] applied,
            Map<TopicPartition, Long> end, boolean derive) throws SQLException {
        try (IndicatorFactsProjection.BatchSink sink = new IndicatorFactsProjection.BatchSink(c)) {
            follow(consumer, c, sink, partitions, p, applied, end, derive);
        }
    }

    /**
     * Reads the log up to {@code end} and writes its facts. Two threads share the work: this one polls
     * and parses (CloudEvents JSON and event data), the rebuild's writer thread sends the rows of the
     * previous poll to PostgreSQL (batched, one transaction per poll) meanwhile. {@code derive}: the stored figures follow
     * each poll in its transaction (after the switch, beside the live consumer).
     */
    private void follow(KafkaConsumer<String, String> consumer, Connection c, IndicatorFactsProjection.BatchSink sink,
            List<TopicPartition> partitions, Progress p, long[] applied, Map<TopicPartition, Long> end, boolean derive) throws SQLException {
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "projection-rebuild-writer");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Future<Integer> pending = null;
        long lastLog = System.nanoTime();
        long pollNanos = 0;
        long parseNanos = 0;
        long waitNanos = 0;
        java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();
        try {
            while (true) {
                boolean caughtUp = true;
                long lag = 0;
                for (TopicPartition tp : partitions) {
                    long pos = consumer.position(tp);
                    if (pos < end.get(tp)) {
                        caughtUp = false;
                        lag += end.get(tp) - pos;
                    }
                }
                if (caughtUp) {
                    applied[0] += awaitWritten(pending);
                    c.commit();
                    LOG.infof("rebuild %s: reader polled %d ms, parsed %d ms, waited for the writer %d ms; writer wrote %d ms", p.rebuildId(),
                            pollNanos / 1_000_000, parseNanos / 1_000_000, waitNanos / 1_000_000, writeNanos.get() / 1_000_000);
                    return;
                }
                long tPoll = System.nanoTime();
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                long tParse = System.nanoTime();
                pollNanos += tParse - tPoll;
                List<EventEnvelope> envelopes = new ArrayList<>(records.count());
                List<EventData> data = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> r : records) {
                    try {
                        EventEnvelope envelope = EventCodec.instance().parse(r.value());
                        if (IndicatorFactsProjection.relevant(envelope)) {
                            data.add(EventCodec.instance().decode(envelope));
                        } else {
                            data.add(null);
                        }
                        envelopes.add(envelope);
                    } catch (MalformedEventException | IllegalArgumentException e) {
                        // the live consumer dead-letters it; a rebuild applies what the live one could apply
                    }
                }
                long tWait = System.nanoTime();
                parseNanos += tWait - tParse;
                applied[0] += awaitWritten(pending);
                waitNanos += System.nanoTime() - tWait;
                pending = writer.submit(() -> {
                    long tWrite = System.nanoTime();
                    int written = 0;
                    for (int i = 0; i < envelopes.size(); i++) {
                        try {
                            if (data.get(i) != null) {
                                IndicatorFactsProjection.write(sink, envelopes.get(i), data.get(i));
                            }
                            written++;
                        } catch (RuntimeException e) {
                            // as the live projection: a record it cannot apply is not applied here either
                        }
                    }
                    sink.flush();
                    if (derive) {
                        de.auseinerhand.reporting.indicators.StoredFigures.derive(c, p.version());
                    }
                    c.commit();
                    writeNanos.addAndGet(System.nanoTime() - tWrite);
                    return written;
                });
                if (System.nanoTime() - lastLog > 2_000_000_000L) {
                    lastLog = System.nanoTime();
                    Progress now = update(p, current.get().status(), applied[0], lag, null);
                    LOG.infof("rebuild %s: %d events, %.0f events/s, lag %d, ETA %s s", p.rebuildId(), applied[0], now.eventsPerSecond(), lag,
                            now.etaSeconds() == null ? "?" : String.format("%.0f", now.etaSeconds()));
                } else {
                    update(p, current.get().status(), applied[0], lag, null);
                }
            }
        } finally {
            writer.shutdownNow();
        }
    }

    /** Waits for the writer's previous batch; its failure is the rebuild's failure. */
    private static int awaitWritten(java.util.concurrent.Future<Integer> pending) throws SQLException {
        if (pending == null) {
            return 0;
        }
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("writing rebuilt facts failed", e.getCause());
        }
    }

    private Progress update(Progress p, String status, long events, long lag, String message) {
        double seconds = Math.max(0.001, Duration.between(p.startedAt(), Instant.now(clock)).toMillis() / 1000.0);
        double rate = events / seconds;
        Progress now = new Progress(p.rebuildId(), p.version(), status, p.startedAt(), events, rate, lag, rate > 0 ? lag / rate : null, null,
                null, null, null, null, null, message);
        current.set(now);
        return now;
    }

    private Instant switchTo(int version) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table projection_version in exclusive mode");
                for (String t : allTables()) {
                    s.execute("create or replace view public." + t + " as select * from rp_v" + version + "." + t);
                }
                s.executeUpdate("update projection_version set active = " + version + ", format = " + FORMAT + ", switched_at = now()"
                        + " where projection = '" + PROJECTION + "'");
            }
            c.commit();
            return Instant.now(clock);
        } catch (SQLException e) {
            throw new IllegalStateException("switching to version " + version + " failed", e);
        }
    }

    /**
     * Creates the new version's tables like the active ones with their keys (the writers' upserts need
     * them) and returns the statements for the other indexes, which the rebuild creates after catching up.
     */
    private List<String> createSchema(String schema, String like) {
        sql("drop schema if exists " + schema + " cascade");
        sql("create schema " + schema);
        List<String> secondary = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String t : allTables()) {
                sql("create table " + schema + "." + t + " (like " + like + "." + t + " including all excluding indexes)");
                try (PreparedStatement ps = c.prepareStatement("select conname, pg_get_constraintdef(oid) from pg_constraint"
                        + " where conrelid = ?::regclass and contype in ('p', 'u') order by conname")) {
                    ps.setString(1, like + "." + t);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sql("alter table " + schema + "." + t + " add constraint " + rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("select pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid = ?::regclass"
                        + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid) order by i.indexrelid")) {
                    ps.setString(1, like + "." + t);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String definition = rs.getString(1);
                            String moved = definition.replace(" ON " + like + "." + t + " ", " ON " + schema + "." + t + " ");
                            if (moved.equals(definition)) {
                                throw new IllegalStateException("cannot move index to " + schema + ": " + definition);
                            }
                            secondary.add(moved);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating " + schema + " failed", e);
        }
        return secondary;
    }

    /**
     * The rebuild's own session: inserts batched per poll go out as multi-row statements
     * ({@code reWriteBatchedInserts}); the live projection and the rest of the service keep the pool.
     */
    private Connection writerConnection() throws SQLException {
        Properties props = new Properties();
        dbUser.ifPresent(u -> props.setProperty("user", u));
        dbPassword.ifPresent(pw -> props.setProperty("password", pw));
        props.setProperty("ApplicationName", "reporting-rebuild");
        props.setProperty("reWriteBatchedInserts", "true");
        return java.sql.DriverManager.getConnection(jdbcUrl, props);
    }

    /**
     * md5 over the rows of {@code schema} whose keys are in {@code keysOf} (the live version as it was
     * at the switch; the rebuilt one also holds the events that arrived afterwards), in key order.
     */
    /**
     * Per table, the rows of the live version that the rebuild does not hold as they are (missing or different), and the
     * first such row: what a checksum difference consists of.
     */
    String differences(String liveSchema, String rebuiltSchema) {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String t : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select count(*), min(x::text) from (select * from " + liveSchema + "." + t
                        + " except select * from " + rebuiltSchema + "." + t + ") x")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            String row = rs.getString(2);
                            out.append(out.length() == 0 ? "" : "; ").append(t).append(": ").append(rs.getLong(1))
                                    .append(" live rows not in the rebuild, e.g. ").append(row.length() > 300 ? row.substring(0, 300) : row);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            return "comparison failed: " + e.getMessage();
        }
        return out.length() == 0 ? "only rows the rebuild holds in addition differ" : out.toString();
    }

    /**
     * The persons whose stored contributions (every day of knowledge) the live version holds otherwise than the rebuilt one:
     * a person's facts that arrived after the switch are only in the rebuilt version, otherwise they must agree. Null when
     * all agree; {@code count[0]}: how many persons differ.
     */
    String figuresDifferences(String liveSchema, String rebuiltSchema, long[] count) {
        String rows = "select person_id, known_on, sex, data from ";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(distinct person_id), min(person_id::text) from ((" + rows + liveSchema
                        + ".rp_contribution except " + rows + rebuiltSchema + ".rp_contribution) union all (" + rows + rebuiltSchema
                        + ".rp_contribution except " + rows + liveSchema + ".rp_contribution)) x");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            count[0] = rs.getLong(1);
            return count[0] == 0 ? null : "the stored figures of " + count[0] + " persons differ from the rebuilt ones, e.g. person " + rs.getString(2)
                    + " (their facts after the switch, or else a defect of the live derivation)";
        } catch (SQLException e) {
            return "comparison of the stored figures failed: " + e.getMessage();
        }
    }

    String checksum(String schema, String keysOf) {
        StringBuilder all = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String t : TABLES) {
                String keys = ORDER.get(t);
                try (PreparedStatement ps = c.prepareStatement("select coalesce(md5(string_agg(x::text, '|' order by " + keys + ")), '-')"
                        + " from " + schema + "." + t + " x where (" + keys + ") in (select " + keys + " from " + keysOf + "." + t + ")")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        all.append(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select md5(?)")) {
                ps.setString(1, all.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> allTables() {
        List<String> all = new ArrayList<>(TABLES);
        all.addAll(DERIVED);
        return all;
    }

    public int activeVersion() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select active from projection_version where projection = ?")) {
            ps.setString(1, PROJECTION);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private void sql(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
