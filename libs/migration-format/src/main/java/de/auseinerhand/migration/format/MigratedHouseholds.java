package de.auseinerhand.migration.format;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code migrated_household} table that benefit-calculation and job-placement keep (docs/migration.md): which
 * households a service took over, onto which case, in which run; written in the transaction of the household's events,
 * so a second run skips them and a killed one continues. Also the format's checks with today as the cut-over day, built
 * once a day (reading the schema is not free).
 */
public final class MigratedHouseholds {
    private final Set<String> municipalities;
    private volatile HouseholdValidator validator;

    public MigratedHouseholds(Set<String> municipalities) {
        this.municipalities = Set.copyOf(municipalities);
    }

    /** The format's checks with {@code today} as the cut-over day. */
    public HouseholdValidator validator(LocalDate today) {
        HouseholdValidator v = validator;
        if (v == null || !v.cutOver().equals(today)) {
            v = new HouseholdValidator(municipalities, today);
            validator = v;
        }
        return v;
    }

    /** The case of each of {@code householdIds} taken over before. */
    public static Map<String, String> caseIds(Connection c, List<String> householdIds) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select household_id, case_id from migrated_household where household_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", householdIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Records the household as taken over; {@link AlreadyMigrated} when another run recorded it first. */
    public static void record(Connection c, String householdId, String caseId, String runId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into migrated_household (household_id, case_id, run_id, migrated_at) values (?, ?, ?, ?)")) {
            ps.setString(1, householdId);
            ps.setString(2, caseId);
            ps.setString(3, runId);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new AlreadyMigrated();
            }
            throw e;
        }
    }

    /** Another run recorded the household between the check and the write; the transaction rolls back. */
    public static final class AlreadyMigrated extends RuntimeException {
        public AlreadyMigrated() {
            super("migrated by another run", null, false, false);
        }
    }
}
