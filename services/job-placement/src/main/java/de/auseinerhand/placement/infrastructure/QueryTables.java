package de.auseinerhand.placement.infrastructure;

import de.auseinerhand.placement.domain.client.PlacementCommand;
import de.auseinerhand.placement.domain.client.PlacementState;
import de.auseinerhand.placement.domain.offer.OfferState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes job-placement's query tables in the transaction of the command that changed the stream. */
@ApplicationScoped
public class QueryTables {

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public void offer(OfferState o, long version) {
        String sql = "insert into jp_offer (offer_id, employer_id, occupation_code, title, municipality, hours_per_week, wage, "
                + "start_date, positions, requirements, languages, driving_licence_required, status, closed_on, version, updated_at) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, now()) on conflict (offer_id) do update set status = excluded.status, "
                + "closed_on = excluded.closed_on, version = excluded.version, updated_at = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, o.offerId());
            ps.setObject(2, o.employerId());
            ps.setString(3, o.occupationCode());
            ps.setString(4, o.title());
            ps.setString(5, o.municipality());
            ps.setBigDecimal(6, o.hoursPerWeek());
            ps.setBigDecimal(7, o.wage());
            ps.setObject(8, o.startDate());
            ps.setInt(9, o.positions());
            ps.setArray(10, c.createArrayOf("text", o.requirements().toArray()));
            ps.setArray(11, c.createArrayOf("text", o.languages().toArray()));
            ps.setBoolean(12, o.drivingLicenceRequired());
            ps.setString(13, o.status());
            ps.setObject(14, o.closedOn());
            ps.setLong(15, version);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing jp_offer failed", e);
        }
    }

    /** Refreshes the profile and plan rows of one person after a command on the case's placement file. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void client(String caseId, PlacementState.ClientFile f) {
        try (Connection c = dataSource.getConnection()) {
            PlacementState.Profile p = f.profile();
            if (p != null) {
                try (PreparedStatement ps = c.prepareStatement("insert into jp_profile (person_id, case_id, occupations_sought, "
                        + "qualifications, languages, driving_licence, mobility_radius_km, max_hours_per_week, available_from, "
                        + "constraints, updated_at) values (?,?,?,?,?,?,?,?,?,?, now()) on conflict (person_id) do update set "
                        + "case_id = excluded.case_id, occupations_sought = excluded.occupations_sought, "
                        + "qualifications = excluded.qualifications, languages = excluded.languages, "
                        + "driving_licence = excluded.driving_licence, mobility_radius_km = excluded.mobility_radius_km, "
                        + "max_hours_per_week = excluded.max_hours_per_week, available_from = excluded.available_from, "
                        + "constraints = excluded.constraints, updated_at = now()")) {
                    ps.setObject(1, f.personId());
                    ps.setString(2, caseId);
                    ps.setArray(3, c.createArrayOf("text", p.occupationsSought().toArray()));
                    ps.setArray(4, c.createArrayOf("text", lower(p.qualifications())));
                    ps.setArray(5, c.createArrayOf("text", lower(p.languages())));
                    ps.setBoolean(6, p.drivingLicence());
                    ps.setInt(7, p.mobilityRadiusKm());
                    ps.setBigDecimal(8, p.maxHoursPerWeek());
                    ps.setObject(9, p.availableFrom());
                    ps.setArray(10, c.createArrayOf("text", p.constraints().toArray()));
                    ps.executeUpdate();
                }
            }
            PlacementState.Plan plan = f.plan();
            if (plan != null) {
                try (PreparedStatement ps = c.prepareStatement("insert into jp_plan (person_id, case_id, plan_id, review_by, "
                        + "dispute_started_on) values (?,?,?,?,?) on conflict (person_id) do update set case_id = excluded.case_id, "
                        + "plan_id = excluded.plan_id, review_by = excluded.review_by, dispute_started_on = excluded.dispute_started_on")) {
                    ps.setObject(1, f.personId());
                    ps.setString(2, caseId);
                    ps.setObject(3, plan.planId());
                    ps.setObject(4, plan.reviewBy());
                    ps.setObject(5, plan.disputeStartedOn());
                    ps.executeUpdate();
                }
            }
            for (PlacementState.Measure m : f.measures().values()) {
                if (!m.occupies()) {
                    // a withdrawn assignment takes no time of the person: it no longer counts in other cases
                    try (PreparedStatement ps = c.prepareStatement("delete from jp_measure where measure_id = ?")) {
                        ps.setObject(1, m.measureId());
                        ps.executeUpdate();
                    }
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("insert into jp_measure (measure_id, person_id, case_id, "
                        + "legal_basis, start_date, last_day) values (?,?,?,?,?,?) on conflict (measure_id) do update set "
                        + "start_date = excluded.start_date, last_day = excluded.last_day")) {
                    ps.setObject(1, m.measureId());
                    ps.setObject(2, f.personId());
                    ps.setString(3, caseId);
                    ps.setString(4, m.legalBasis());
                    ps.setObject(5, m.firstDay());
                    ps.setObject(6, m.lastDay());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the placement query tables failed", e);
        }
    }

    /** The person's measures recorded in other cases' placement files (assigned ones with their planned period). */
    public List<PlacementCommand.PriorMeasure> measuresElsewhere(UUID personId, String caseId) {
        List<PlacementCommand.PriorMeasure> out = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select legal_basis, start_date, last_day from jp_measure where person_id = ? and case_id <> ?")) {
            ps.setObject(1, personId);
            ps.setString(2, caseId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlacementCommand.PriorMeasure(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                            rs.getObject(3, java.time.LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading jp_measure failed", e);
        }
        return out;
    }

    public static String[] lower(List<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.GERMAN)).toArray(String[]::new);
    }
}
