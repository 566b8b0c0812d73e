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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The open offers in memory for matching, kept in step with {@code jp_offer}: each use first reads
 * the rows changed since the previous read began (one indexed query), with an overlap of
 * {@link #OVERLAP_SECONDS}, because {@code updated_at} is the writing transaction's start and a
 * transaction may commit after the read began; every replica sees every commit this way (as long as
 * no write transaction runs longer than the overlap).
 */
@ApplicationScoped
public class OpenOffers {

    static final int OVERLAP_SECONDS = 30;

    @Inject
    DataSource dataSource;

    private final ConcurrentHashMap<UUID, MatchOffer> open = new ConcurrentHashMap<>();
    private Instant lastReadStarted;

    /** The open offers as committed now. */
    public Collection<MatchOffer> current() {
        refresh();
        return open.values();
    }

    /** An offer of the last refresh, or null. */
    public MatchOffer get(UUID offerId) {
        return open.get(offerId);
    }

    public int size() {
        return open.size();
    }

    synchronized void refresh() {
        Instant from = lastReadStarted == null ? Instant.EPOCH : lastReadStarted.minusSeconds(OVERLAP_SECONDS);
        try (Connection c = dataSource.getConnection()) {
            Instant started;
            try (PreparedStatement now = c.prepareStatement("select clock_timestamp()"); ResultSet rs = now.executeQuery()) {
                rs.next();
                started = rs.getTimestamp(1).toInstant();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select offer_id, occupation_code, title, municipality, hours_per_week, start_date, requirements, languages, "
                            + "driving_licence_required, status from jp_offer where updated_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = (UUID) rs.getObject(1);
                        if ("PUBLISHED".equals(rs.getString(10))) {
                            open.put(id, new MatchOffer(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                                    rs.getObject(6, java.time.LocalDate.class), lower(rs.getArray(7)), lower(rs.getArray(8)),
                                    rs.getBoolean(9)));
                        } else {
                            open.remove(id);
                        }
                    }
                }
            }
            lastReadStarted = started;
        } catch (SQLException e) {
            throw new IllegalStateException("reading open offers failed", e);
        }
    }

    private static List<String> lower(Array a) throws SQLException {
        return Arrays.stream((String[]) a.getArray()).map(s -> s.trim().toLowerCase(Locale.GERMAN)).toList();
    }
}
