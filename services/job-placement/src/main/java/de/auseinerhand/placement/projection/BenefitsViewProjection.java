package de.auseinerhand.placement.projection;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.BenefitReductionLifted;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.registryview.CaseEventProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The current benefit decision and the benefit reductions of each case, from benefit-calculation's
 * events, for the placement view ("aus einer Hand": benefits and placement of a case together).
 * Applied in the consumer's transaction, in the case's partition order.
 */
@ApplicationScoped
public class BenefitsViewProjection implements CaseEventProjection {

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!envelope.type().startsWith("de.auseinerhand.benefits.")) {
            return;
        }
        EventData data = EventCodec.instance().decode(envelope);
        String caseId = envelope.subject();
        Timestamp recorded = Timestamp.from(envelope.time() == null ? Instant.now(clock) : envelope.time());
        try (Connection c = dataSource.getConnection()) {
            if (data instanceof EntitlementDecided e) {
                try (PreparedStatement ps = c.prepareStatement("insert into jp_benefit_decision (case_id, decision_id, period_from, "
                        + "period_to, provisional, total, recorded_at) values (?,?,?,?,?,?,?) on conflict (case_id) do update set "
                        + "decision_id = excluded.decision_id, period_from = excluded.period_from, period_to = excluded.period_to, "
                        + "provisional = excluded.provisional, total = excluded.total, amended_from = null, amended_reason = null, "
                        + "terminated_from = null, recorded_at = excluded.recorded_at")) {
                    ps.setString(1, caseId);
                    ps.setObject(2, e.decisionId());
                    ps.setObject(3, e.period().from());
                    ps.setObject(4, e.period().to());
                    ps.setBoolean(5, e.provisional());
                    ps.setBigDecimal(6, e.total());
                    ps.setTimestamp(7, recorded);
                    ps.executeUpdate();
                }
            } else if (data instanceof EntitlementAmended e) {
                try (PreparedStatement ps = c.prepareStatement("update jp_benefit_decision set total = ?, amended_from = ?, "
                        + "amended_reason = ?, recorded_at = ? where case_id = ? and decision_id = ?")) {
                    ps.setBigDecimal(1, e.total());
                    ps.setObject(2, e.effectiveFrom());
                    ps.setString(3, e.reason());
                    ps.setTimestamp(4, recorded);
                    ps.setString(5, caseId);
                    ps.setObject(6, e.decisionId());
                    ps.executeUpdate();
                }
            } else if (data instanceof EntitlementTerminated e) {
                try (PreparedStatement ps = c.prepareStatement("update jp_benefit_decision set terminated_from = ?, recorded_at = ? "
                        + "where case_id = ? and decision_id = ?")) {
                    ps.setObject(1, e.effectiveFrom());
                    ps.setTimestamp(2, recorded);
                    ps.setString(3, caseId);
                    ps.setObject(4, e.decisionId());
                    ps.executeUpdate();
                }
            } else if (data instanceof BenefitReductionImposed e) {
                reduction(c, envelope, "IMPOSED", e.personId(), e.percent(), e.from(), e.to(), e.ground());
            } else if (data instanceof BenefitReductionLifted e) {
                reduction(c, envelope, "LIFTED", e.personId(), e.percent(), e.from(), e.to(), e.ground());
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("writing the benefits view failed", ex);
        }
    }

    private static void reduction(Connection c, EventEnvelope envelope, String kind, java.util.UUID personId, int percent,
            java.time.LocalDate from, java.time.LocalDate to, String ground) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into jp_benefit_reduction (event_id, case_id, person_id, kind, "
                + "percent, from_date, to_date, ground) values (?,?,?,?,?,?,?,?) on conflict do nothing")) {
            ps.setObject(1, envelope.id());
            ps.setString(2, envelope.subject());
            ps.setObject(3, personId);
            ps.setString(4, kind);
            ps.setInt(5, percent);
            ps.setObject(6, from);
            ps.setObject(7, to);
            ps.setString(8, ground);
            ps.executeUpdate();
        }
    }
}
