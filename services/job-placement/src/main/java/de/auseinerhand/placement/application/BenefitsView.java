package de.auseinerhand.placement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads what job-placement knows of a case's benefits (see BenefitsViewProjection); the caller checks the scope. */
@ApplicationScoped
public class BenefitsView {

    @Inject
    DataSource dataSource;

    /** The current decision (null when none is known) and every reduction imposed or lifted. */
    public record Benefits(Decision decision, List<Reduction> reductions) {
    }

    public record Decision(UUID decisionId, LocalDate periodFrom, LocalDate periodTo, boolean provisional,
            BigDecimal monthlyTotal, LocalDate amendedFrom, String amendedReason, LocalDate terminatedFrom) {
    }

    public record Reduction(UUID personId, String kind, int percent, LocalDate from, LocalDate to, String ground) {
    }

    public Benefits of(String caseId) {
        try (Connection c = dataSource.getConnection()) {
            Decision decision = null;
            try (PreparedStatement ps = c.prepareStatement("select decision_id, period_from, period_to, provisional, total, "
                    + "amended_from, amended_reason, terminated_from from jp_benefit_decision where case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        decision = new Decision((UUID) rs.getObject(1), rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getBigDecimal(5),
                                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, LocalDate.class));
                    }
                }
            }
            List<Reduction> reductions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select person_id, kind, percent, from_date, to_date, ground "
                    + "from jp_benefit_reduction where case_id = ? order by from_date, event_id")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reductions.add(new Reduction((UUID) rs.getObject(1), rs.getString(2), rs.getInt(3),
                                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6)));
                    }
                }
            }
            return new Benefits(decision, reductions);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the benefits view failed", e);
        }
    }
}
