package de.auseinerhand.eventstore;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.EventTypes;
import de.auseinerhand.eventstore.outbox.OutboxSignal;
import de.auseinerhand.eventstore.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event store of one write service on PostgreSQL.
 *
 * <p>{@link #append} checks the expected stream version and writes the events and their outbox rows in
 * the caller's transaction; after the commit it wakes the relay through {@link OutboxSignal}. The
 * append itself sends no {@code NOTIFY}: PostgreSQL serialises the commits of notifying transactions
 * on one lock, which cost three quarters of the commit rate at 16 writers. The optimistic check is
 * the conditional update of {@code es_stream}; {@code UNIQUE(stream_id, stream_version)} on the
 * events is the last line of defence.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    OutboxSignal outboxSignal;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "aeh.events.topic", defaultValue = "case-events")
    String topic;

    private final EventCodec codec = EventCodec.instance();

    /**
     * The largest envelope (UTF-8 bytes) an append accepts. Kafka refuses records above its {@code max.message.bytes}
     * (1 MiB by default), and a refused record would stop its case's later events at the relay; the APIs' own limits
     * (64 KiB bodies, 10,000 characters per text) keep events far below this, which is the last line.
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aeh.events.max-bytes", defaultValue = "262144")
    int maxEventBytes;

    private void checkSize(EventEnvelope e, String payload) {
        if (payload.length() > maxEventBytes / 3 && payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxEventBytes) {
            throw new CommandRejected("event-too-large", null, "the change would record an event of " + e.type() + " larger than "
                    + maxEventBytes + " bytes; shorten its text fields");
        }
    }

    /**
     * Appends {@code events} to {@code streamId} if the stream is at {@code expectedVersion} (0 = the
     * stream must not exist yet). Runs in the caller's transaction.
     *
     * @throws ConcurrencyConflictException when the stream is at another version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredEvent> append(String streamId, long expectedVersion, List<NewEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return List.of();
        }
        long newVersion = expectedVersion + events.size();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        // the caller's trace context (REST: the server span of the request); appends without one (posting
        // runs, reactions to consumed events) continue the span that is current here, if any
        String traceparent = metadata.traceparent() != null ? metadata.traceparent() : TraceContext.currentTraceparent();
        long version = expectedVersion;
        for (NewEvent e : events) {
            version++;
            envelopes.add(EventCodec.envelope(UUID.randomUUID(), e.data(), e.subject(), now, e.municipality(),
                    streamId, version, metadata.correlationId(), metadata.causationId(), metadata.actor(),
                    traceparent));
        }
        try (Connection c = dataSource.getConnection()) {
            long[] positions = insertAll(c, streamId, expectedVersion, newVersion, envelopes);
            if (positions == null) {
                throw new ConcurrencyConflictException(streamId, expectedVersion, versionOf(c, streamId));
            }
            transactions.registerInterposedSynchronization(outboxSignal.afterCommit());
            List<StoredEvent> stored = new ArrayList<>(events.size());
            for (int i = 0; i < envelopes.size(); i++) {
                stored.add(new StoredEvent(positions[i], envelopes.get(i), events.get(i).data()));
                meters.counter("aeh.events.appended", "type", envelopes.get(i).type()).increment();
            }
            return stored;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConcurrencyConflictException(streamId, expectedVersion, currentVersion(streamId));
            }
            throw new EventStoreException("append to " + streamId + " failed", e);
        }
    }

    /**
     * One round trip: claim the stream version (conditional update, or insert of a new stream), insert
     * the events and their outbox rows only if the claim succeeded. Returns the global positions in
     * version order, or null when the claim failed.
     */
    private long[] insertAll(Connection c, String streamId, long expected, long newVersion,
            List<EventEnvelope> envelopes) throws SQLException {
        String claim = expected == 0
                ? "insert into es_stream (stream_id, version) values (?, ?) on conflict (stream_id) do nothing returning 1"
                : "update es_stream set version = ?, updated_at = now() where stream_id = ? and version = ? returning 1";
        String sql = "with claim as (" + claim + "), "
                + "ev as (insert into es_event (event_id, stream_id, stream_version, event_type, subject, municipality, recorded_at, envelope) "
                + "select u.* from unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::jsonb[]) "
                + "as u where exists (select 1 from claim) "
                + "returning global_position, event_id, subject, recorded_at, stream_version), "
                + "ob as (insert into es_outbox (global_position, event_id, topic, message_key, recorded_at) "
                + "select global_position, event_id, ?, subject, recorded_at from ev) "
                + "select global_position, stream_version from ev order by stream_version";
        int n = envelopes.size();
        Object[] ids = new Object[n];
        String[] streams = new String[n];
        Long[] versions = new Long[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] municipalities = new String[n];
        java.sql.Timestamp[] times = new java.sql.Timestamp[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope e = envelopes.get(i);
            ids[i] = e.id();
            streams[i] = e.streamid();
            versions[i] = e.streamversion();
            types[i] = e.type();
            subjects[i] = e.subject();
            municipalities[i] = e.municipality();
            times[i] = Timestamp.from(e.time());
            payloads[i] = codec.toJson(e);
            checkSize(e, payloads[i]);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            if (expected == 0) {
                ps.setString(p++, streamId);
                ps.setLong(p++, newVersion);
            } else {
                ps.setLong(p++, newVersion);
                ps.setString(p++, streamId);
                ps.setLong(p++, expected);
            }
            ps.setArray(p++, c.createArrayOf("uuid", ids));
            ps.setArray(p++, c.createArrayOf("text", streams));
            ps.setArray(p++, c.createArrayOf("bigint", versions));
            ps.setArray(p++, c.createArrayOf("text", types));
            ps.setArray(p++, c.createArrayOf("text", subjects));
            ps.setArray(p++, c.createArrayOf("text", municipalities));
            ps.setArray(p++, c.createArrayOf("timestamptz", times));
            ps.setArray(p++, c.createArrayOf("text", payloads));
            ps.setString(p, topic);
            long[] positions = new long[n];
            int i = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions[i++] = rs.getLong(1);
                }
            }
            return i == n ? positions : null;
        }
    }

    /** Current version of a stream, 0 if it does not exist. */
    public long currentVersion(String streamId) {
        try (Connection c = dataSource.getConnection()) {
            return versionOf(c, streamId);
        } catch (SQLException e) {
            throw new EventStoreException("reading version of " + streamId + " failed", e);
        }
    }

    private static long versionOf(Connection c, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from es_stream where stream_id = ?")) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** All events of a stream in version order. */
    public List<StoredEvent> readStream(String streamId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select global_position, envelope::text from es_event where stream_id = ? order by stream_version")) {
            ps.setString(1, streamId);
            List<StoredEvent> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventEnvelope envelope = codec.parse(rs.getString(2));
                    result.add(new StoredEvent(rs.getLong(1), envelope, codec.decode(envelope)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new EventStoreException("reading " + streamId + " failed", e);
        }
    }

    /**
     * Loads many streams in one query and folds each with the decider (for read-only analyses over a whole
     * caseload); streams without events are left out.
     */
    public <C, S> java.util.Map<String, Loaded<S>> loadAll(java.util.Collection<String> streamIds, Decider<C, S> decider) {
        java.util.Map<String, Loaded<S>> out = new java.util.HashMap<>();
        if (streamIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select stream_id, stream_version, envelope::text from es_event where stream_id = any (?) order by stream_id, stream_version")) {
            ps.setArray(1, c.createArrayOf("text", streamIds.toArray()));
            ps.setFetchSize(5_000);
            String current = null;
            S state = null;
            long version = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stream = rs.getString(1);
                    if (!stream.equals(current)) {
                        if (current != null) {
                            out.put(current, new Loaded<>(state, version));
                        }
                        current = stream;
                        state = decider.initialState();
                    }
                    version = rs.getLong(2);
                    state = decider.evolve(state, codec.decode(codec.parse(rs.getString(3))));
                }
            }
            if (current != null) {
                out.put(current, new Loaded<>(state, version));
            }
            return out;
        } catch (SQLException e) {
            throw new EventStoreException("reading " + streamIds.size() + " streams failed", e);
        }
    }

    /** Loads a stream and folds it with the decider. */
    public <C, S> Loaded<S> load(String streamId, Decider<C, S> decider) {
        List<StoredEvent> events = readStream(streamId);
        S state = decider.initialState();
        for (StoredEvent e : events) {
            state = decider.evolve(state, e.data());
        }
        long version = events.isEmpty() ? 0 : events.get(events.size() - 1).envelope().streamversion();
        return new Loaded<>(state, version);
    }

    /**
     * Load, check the caller's expected version (If-Match) when given, decide, append. Runs in the
     * caller's transaction.
     *
     * @param expectedVersion the version the client saw, or {@code null} to act on the current state
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C, S> List<StoredEvent> handle(String streamId, Long expectedVersion, C command, Decider<C, S> decider,
            String subject, java.util.function.Function<S, String> municipality, EventMetadata metadata) {
        return handle(streamId, load(streamId, decider), expectedVersion, command, decider, subject, municipality, metadata);
    }

    /** Like {@link #handle(String, Long, Object, Decider, String, java.util.function.Function, EventMetadata)} on a stream the caller has loaded already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <C, S> List<StoredEvent> handle(String streamId, Loaded<S> loaded, Long expectedVersion, C command,
            Decider<C, S> decider, String subject, java.util.function.Function<S, String> municipality,
            EventMetadata metadata) {
        if (expectedVersion != null && expectedVersion != loaded.version()) {
            throw new ConcurrencyConflictException(streamId, expectedVersion, loaded.version());
        }
        List<EventData> decided = decider.decide(command, loaded.state());
        S after = loaded.state();
        List<NewEvent> toAppend = new ArrayList<>(decided.size());
        for (EventData d : decided) {
            EventTypes.of(d);
            after = decider.evolve(after, d);
            toAppend.add(new NewEvent(d, subject, municipality.apply(after)));
        }
        return append(streamId, loaded.version(), toAppend, metadata);
    }
}
