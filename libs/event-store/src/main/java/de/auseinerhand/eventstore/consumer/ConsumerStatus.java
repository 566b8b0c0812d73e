package de.auseinerhand.eventstore.consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a consumer has applied: checkpoints per partition, processed event ids, dead letters, parked cases. */
@ApplicationScoped
public class ConsumerStatus {

    @Inject
    AgroalDataSource dataSource;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aeh.consumer.name")
    java.util.Optional<String> consumer;

    /** Per consumer, since when (System.nanoTime) the record being applied now has been in the works; 0 when idle. */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> applyingSince = new java.util.concurrent.ConcurrentHashMap<>();

    void applying(String consumer) {
        applyingSince.computeIfAbsent(consumer, k -> new java.util.concurrent.atomic.AtomicLong()).compareAndSet(0, System.nanoTime());
    }

    void applied(String consumer) {
        applyingSince.computeIfAbsent(consumer, k -> new java.util.concurrent.atomic.AtomicLong()).set(0);
    }

    /**
     * How long the record that {@code consumer} applies now has been held up (retries after database outages, lock
     * waits), in seconds; 0 when the consumer is idle or just started a record. Monotonic time, not the business clock.
     */
    public double stalledSeconds(String consumer) {
        java.util.concurrent.atomic.AtomicLong since = applyingSince.get(consumer);
        long start = since == null ? 0 : since.get();
        return start == 0 ? 0 : (System.nanoTime() - start) / 1e9;
    }

    /**
     * Dead letters and parked cases of this service's consumers as gauges ({@code aeh_dead_letters},
     * {@code aeh_parked_cases}), counted in the database at every scrape.
     */
    void registerGauges(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev,
            io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("aeh.dead.letters", this, s -> s.total("consumer_dead_letter"))
                .description("Records this service's consumers sent to the dead-letter topic").register(meters);
        io.micrometer.core.instrument.Gauge.builder("aeh.parked.cases", this, s -> s.total("consumer_parked_case"))
                .description("Cases whose later events wait behind a dead letter").register(meters);
        consumer.ifPresent(name -> io.micrometer.core.instrument.Gauge.builder("aeh.consumer.stalled.seconds", this,
                        s -> s.stalledSeconds(name)).tag("consumer", name)
                .description("How long the record the consumer applies now has been held up (database outage, a locked table)")
                .register(meters));
    }

    private double total(String table) {
        double[] n = {Double.NaN};
        try {
            query("select count(*) from " + table, ps -> {
            }, rs -> n[0] = rs.getLong(1));
        } catch (RuntimeException e) {
            // the database is away: the gauge has no value rather than a wrong one
        }
        return n[0];
    }

    /** Next offset to apply per partition of {@code topic}. */
    public Map<Integer, Long> checkpoints(String consumer, String topic) {
        Map<Integer, Long> result = new LinkedHashMap<>();
        query("select partition, next_offset from consumer_checkpoint where consumer = ? and topic = ? order by partition",
                ps -> {
                    ps.setString(1, consumer);
                    ps.setString(2, topic);
                }, rs -> result.put(rs.getInt(1), rs.getLong(2)));
        return result;
    }

    public boolean hasProcessed(String consumer, java.util.UUID eventId) {
        long[] n = {0};
        query("select count(*) from consumer_inbox where consumer = ? and event_id = ?", ps -> {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
        }, rs -> n[0] = rs.getLong(1));
        return n[0] > 0;
    }

    public long deadLettered(String consumer) {
        return count("select count(*) from consumer_dead_letter where consumer = ?", consumer);
    }

    public long parkedCases(String consumer) {
        return count("select count(*) from consumer_parked_case where consumer = ?", consumer);
    }

    /** Whether {@code caseId} is parked for {@code consumer} (its later events wait behind a failed one). */
    public boolean isParked(String consumer, String caseId) {
        long[] n = {0};
        query("select count(*) from consumer_parked_case where consumer = ? and case_id = ?", ps -> {
            ps.setString(1, consumer);
            ps.setString(2, caseId);
        }, rs -> n[0] = rs.getLong(1));
        return n[0] > 0;
    }

    public String lastDeadLetterReason(String consumer) {
        String[] r = {null};
        query("select reason from consumer_dead_letter where consumer = ? order by id desc limit 1",
                ps -> ps.setString(1, consumer), rs -> r[0] = rs.getString(1));
        return r[0];
    }

    private long count(String sql, String consumer) {
        long[] n = {0};
        query(sql, ps -> ps.setString(1, consumer), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Binder binder, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new ConsumerStorageException(e);
        }
    }
}
