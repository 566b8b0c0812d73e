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
        Timestamp at = Timestamp.from(cutoff);
        try (Connection c = dataSource.getConnection()) {
            Map<String, List<Facts.Residence>> residences = new HashMap<>();
            query(c, "select case_id, effective_from, municipality from rp_residence where recorded_at <= ?", at, rs -> residences
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Facts.Residence(rs.getObject(2, LocalDate.class), rs.getString(3))));
            Map<UUID, List<Facts.Ability>> abilities = new HashMap<>();
            query(c, "select person_id, employable, effective_from, recorded_at from rp_employability where recorded_at <= ?", at,
                    rs -> abilities.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Facts.Ability(rs.getBoolean(2),
                            rs.getObject(3, LocalDate.class), rs.getTimestamp(4).toInstant())));
            Map<UUID, Facts.Person> persons = new HashMap<>();
            query(c, "select distinct on (person_id) person_id, sex, birth_year_month, employable, single_parent, effective_from from rp_person"
                    + " where recorded_at <= ? order by person_id, recorded_at desc, event_id", at,
                    rs -> persons.put(rs.getObject(1, UUID.class), new Facts.Person(rs.getObject(1, UUID.class), rs.getString(2),
                            YearMonth.parse(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class),
                            abilities.getOrDefault(rs.getObject(1, UUID.class), List.of()))));
            Map<UUID, UUID> replacedBy = new HashMap<>();
            List<Object[]> decisions = new ArrayList<>();
            query(c, "select decision_id, case_id, period_from, period_to, replaces from rp_decision where recorded_at <= ?", at, rs -> {
                decisions.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)});
                UUID replaces = rs.getObject(5, UUID.class);
                if (replaces != null) {
                    replacedBy.put(replaces, rs.getObject(1, UUID.class));
                }
            });
            Map<UUID, LocalDate> terminated = new HashMap<>();
            query(c, "select decision_id, min(effective_from) from rp_termination where recorded_at <= ? group by decision_id", at,
                    rs -> terminated.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)));
            Map<UUID, Facts.Decision> ds = new HashMap<>();
            for (Object[] d : decisions) {
                UUID id = (UUID) d[0];
                ds.put(id, new Facts.Decision(id, (String) d[1], (LocalDate) d[2], (LocalDate) d[3], replacedBy.get(id), terminated.get(id)));
            }
            Map<UUID, Map<UUID, Facts.AmountChange>> byEvent = new HashMap<>();
            query(c, "select decision_id, event_id, effective_month, person_id, llu, kdu, recorded_at from rp_amount where recorded_at <= ?"
                    + " order by recorded_at", at, rs -> {
                        UUID decision = rs.getObject(1, UUID.class);
                        UUID event = rs.getObject(2, UUID.class);
                        Timestamp t = rs.getTimestamp(7);
                        Facts.AmountChange change = byEvent.computeIfAbsent(decision, k -> new LinkedHashMap<>()).computeIfAbsent(event,
                                k -> new Facts.AmountChange(YearMonth.parse(getString(rs, 3)), t.getTime() * 1000 + t.getNanos() / 1000 % 1000,
                                        new HashMap<>()));
                        change.perPerson().put(rs.getObject(4, UUID.class), new BigDecimal[] {rs.getBigDecimal(5), rs.getBigDecimal(6)});
                    });
            Map<UUID, List<Facts.AmountChange>> amounts = new HashMap<>();
            byEvent.forEach((k, v) -> amounts.put(k, new ArrayList<>(v.values())));
            List<Facts.Integration> integrations = new ArrayList<>();
            query(c, "select person_id, kind, start_date, subsidised from rp_integration where recorded_at <= ?", at,
                    rs -> integrations.add(new Facts.Integration(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getBoolean(4))));
            List<Facts.EmploymentEnd> ends = new ArrayList<>();
            query(c, "select person_id, end_date from rp_employment_end where recorded_at <= ?", at,
                    rs -> ends.add(new Facts.EmploymentEnd(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))));
            Map<UUID, Object[]> measures = new LinkedHashMap<>();
            query(c, "select measure_id, person_id, legal_basis, category, change, day from rp_measure where recorded_at <= ? order by recorded_at",
                    at, rs -> {
                        Object[] m = measures.computeIfAbsent(rs.getObject(1, UUID.class), k -> new Object[6]);
                        m[0] = rs.getObject(1, UUID.class);
                        m[1] = rs.getObject(2, UUID.class);
                        m[2] = rs.getString(3);
                        m[3] = rs.getString(4);
                        if ("START".equals(rs.getString(5))) {
                            m[4] = rs.getObject(6, LocalDate.class);
                        } else {
                            m[5] = rs.getObject(6, LocalDate.class);
                        }
                    });
            List<Facts.Measure> ms = new ArrayList<>();
            for (Object[] m : measures.values()) {
                if (m[4] != null) {
                    ms.add(new Facts.Measure((UUID) m[0], (UUID) m[1], (String) m[2], (String) m[3], (LocalDate) m[4], (LocalDate) m[5]));
                }
            }
            return new Facts(residences, persons, ds, amounts, integrations, ends, ms);
        } catch (SQLException e) {
            throw new IllegalStateException("reading indicator facts failed", e);
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

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static String getString(ResultSet rs, int i) {
        try {
            return rs.getString(i);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void query(Connection c, String sql, Timestamp at, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, at);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
