package de.auseinerhand.matching;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The open offers in memory for matching, kept in step with a service's offer table: each use first reads the rows
 * changed since the previous read began (one indexed query), with an overlap of {@link #OVERLAP_SECONDS}, because the
 * change time is the writing transaction's and a transaction may commit after the read began; every replica sees every
 * commit this way (as long as no write transaction runs longer than the overlap). At most one refresh runs at a time; a
 * request that finds one running uses the previous snapshot instead of queueing behind it. Matching iterates an
 * immutable snapshot (every offer, and the offers grouped by occupation), rebuilt only when something changed.
 *
 * <p>The table is the service's own (job-placement's {@code jp_offer}, the registry's {@code open_offer}); the query names
 * its columns in this order: offer id, occupation code, title, municipality, hours per week, start date, requirements
 * (text[]), languages (text[]), driving licence required, whether the offer is open; and takes the change time as its one
 * parameter.
 */
public final class OpenOfferIndex {

    public static final int OVERLAP_SECONDS = 30;

    private final DataSource dataSource;
    private final String changedSince;
    private final ReentrantLock refreshing = new ReentrantLock();
    /** The open offers of one occupation (KldB code): they share their occupation points with any profile. */
    public record OccupationGroup(String code, List<MatchOffer> offers) {
    }

    /** One consistent state: every open offer, by id, and grouped by occupation. */
    private record Snapshot(MatchOffer[] all, Map<UUID, MatchOffer> byId, List<OccupationGroup> byOccupation) {
    }

    private final Map<UUID, MatchOffer> open = new HashMap<>();
    private volatile Snapshot snapshot = new Snapshot(new MatchOffer[0], Map.of(), List.of());
    private Instant lastReadStarted;

    /** {@code table}, {@code openExpression} and {@code changedColumn} are the service's constants, never input. */
    public OpenOfferIndex(DataSource dataSource, String table, String openExpression, String changedColumn) {
        this.dataSource = dataSource;
        this.changedSince = "with t as (select clock_timestamp() as started) select t.started, o.offer_id, o.occupation_code, "
                + "o.title, o.municipality, o.hours_per_week, o.start_date, o.requirements, o.languages, o.driving_licence_required, "
                + openExpression + " from t left join " + table + " o on o." + changedColumn + " > ?";
    }

    /** The open offers as committed now (or as of a refresh running concurrently). */
    public List<MatchOffer> current() {
        return Arrays.asList(fresh().all());
    }

    /**
     * The open offers as committed now, grouped by occupation code (in code order): ranking scores a group's occupation
     * once and can pass over whole groups that cannot reach the top ({@link MatchScorer#rank}).
     */
    public List<OccupationGroup> byOccupation() {
        return fresh().byOccupation();
    }

    private Snapshot fresh() {
        if (refreshing.tryLock()) {
            try {
                refresh();
            } finally {
                refreshing.unlock();
            }
        }
        return snapshot;
    }

    /** An offer of the last snapshot, or null. */
    public MatchOffer get(UUID offerId) {
        return snapshot.byId().get(offerId);
    }

    public int size() {
        return snapshot.all().length;
    }

    private void refresh() {
        Instant from = lastReadStarted == null ? Instant.EPOCH : lastReadStarted.minusSeconds(OVERLAP_SECONDS);
        Instant started = null;
        boolean changed = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(changedSince)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    started = rs.getTimestamp(1).toInstant();
                    UUID id = (UUID) rs.getObject(2);
                    if (id == null) {
                        continue;
                    }
                    if (rs.getBoolean(11)) {
                        MatchOffer o = new MatchOffer(id, rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), lower(rs.getArray(8)),
                                lower(rs.getArray(9)), rs.getBoolean(10));
                        changed |= !o.equals(open.put(id, o));
                    } else {
                        changed |= open.remove(id) != null;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading open offers failed", e);
        }
        lastReadStarted = started;
        if (changed) {
            MatchOffer[] all = open.values().toArray(new MatchOffer[0]);
            Map<String, List<MatchOffer>> groups = new java.util.TreeMap<>();
            for (MatchOffer o : all) {
                groups.computeIfAbsent(String.valueOf(o.occupationCode()), k -> new java.util.ArrayList<>()).add(o);
            }
            List<OccupationGroup> byOccupation = groups.entrySet().stream().map(e -> new OccupationGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
            snapshot = new Snapshot(all, Map.copyOf(open), byOccupation);
        }
    }

    /** Requirements and languages compare in lower case, trimmed (as profiles store them). */
    public static List<String> lower(Array a) throws SQLException {
        return a == null ? List.of() : lower(Arrays.asList((String[]) a.getArray()));
    }

    public static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(s -> s.trim().toLowerCase(Locale.GERMAN)).toList();
    }
}
