package de.auseinerhand.reporting.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Loads the facts as known at a moment: only rows recorded up to it (the bitemporal "as of"). */
@ApplicationScoped
public class FactsRepository {

    @Inject
    DataSource dataSource;

    public Facts knownAt(Instant cutoff) {
        try (Connection c = dataSource.getConnection()) {
            return FactRows.knownAt(c, cutoff).at(cutoff);
        } catch (SQLException e) {
            throw new IllegalStateException("reading indicator facts failed", e);
        }
    }

    /** The stored figures as known on {@code knownOn} for the months {@code from} to {@code to} ({@link StoredFigures}). */
    public Map<String, IndicatorEngine.Figures> storedFigures(LocalDate knownOn, YearMonth from, YearMonth to) {
        try (Connection c = dataSource.getConnection()) {
            return StoredFigures.figures(c, knownOn, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the stored figures failed", e);
        }
    }

    /** Changes whenever the live projection applied an event or a rebuild switched versions. */
    public String stamp() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select (select coalesce(sum(next_offset), 0) from consumer_checkpoint where consumer = 'reporting') || '/'"
                        + " || (select active || '@' || switched_at from projection_version where projection = 'indicator-facts')")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Case → caseworker for a function, the assignment in force on {@code day} as known at the cutoff. */
    public Map<String, String> assignments(Instant cutoff, LocalDate day, String function) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct on (case_id) case_id, caseworker_id from rp_caseworker where recorded_at <= ? and function = ?"
                        + " and coalesce(effective_from, date '1900-01-01') <= ? order by case_id, effective_from desc nulls last, recorded_at desc")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setString(2, function);
            ps.setObject(3, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

}
