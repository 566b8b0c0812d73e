package de.auseinerhand.placement.application;

import de.auseinerhand.placement.domain.matching.MatchOffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * The open offers in memory for matching, kept in step with {@code jp_offer}: each use first reads
 * the rows changed since the previous read began (one indexed query), with an overlap of
 * {@link #OVERLAP_SECONDS}, because {@code updated_at} is the writing transaction's start and a
 * transaction may commit after the read began; every replica sees every commit this way (as long as
 * no write transaction runs longer than the overlap). At most one refresh runs at a time; a request
 * that finds one running uses the previous snapshot instead of queueing behind it. Matching iterates
 * an immutable array snapshot, rebuilt only when something changed.
 */
@ApplicationScoped
public class OpenOffers {

    static final int OVERLAP_SECONDS = 30;

    @Inject
    DataSource dataSource;

    private final ReentrantLock refreshing = new ReentrantLock();
    private final Map<UUID, MatchOffer> open = new HashMap<>();
    private volatile MatchOffer[] snapshot = new MatchOffer[0];
    private volatile Map<UUID, MatchOffer> byId = Map.of();
    private Instant lastReadStarted;

    /** The open offers as committed now (or as of a refresh running concurrently). */
    public List<MatchOffer> current() {
        if (refreshing.tryLock()) {
            try {
                refresh();
            } finally {
                refreshing.unlock();
            }
        }
        return Arrays.asList(snapshot);
    }

    /** An offer of the last snapshot, or null. */
    public MatchOffer get(UUID offerId) {
        return byId.get(offerId);
    }

    public int size() {
        return snapshot.length;
    }

    private void refresh() {
        Instant from = lastReadStarted == null ? Instant.EPOCH : lastReadStarted.minusSeconds(OVERLAP_SECONDS);
        Instant started = null;
        boolean changed = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "with t as (select clock_timestamp() as started) select t.started, o.offer_id, o.occupation_code, o.title, "
                        + "o.municipality, o.hours_per_week, o.start_date, o.requirements, o.languages, "
                        + "o.driving_licence_required, o.status from t left join jp_offer o on o.updated_at > ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    started = rs.getTimestamp(1).toInstant();
                    UUID id = (UUID) rs.getObject(2);
                    if (id == null) {
                        continue;
                    }
                    MatchOffer before;
                    if ("PUBLISHED".equals(rs.getString(11))) {
                        MatchOffer o = new MatchOffer(id, rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), lower(rs.getArray(8)),
                                lower(rs.getArray(9)), rs.getBoolean(10));
                        before = open.put(id, o);
                        changed |= !o.equals(before);
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
            snapshot = open.values().toArray(new MatchOffer[0]);
            byId = Map.copyOf(open);
        }
    }

    private static List<String> lower(Array a) throws SQLException {
        return Arrays.stream((String[]) a.getArray()).map(s -> s.trim().toLowerCase(Locale.GERMAN)).toList();
    }
}
