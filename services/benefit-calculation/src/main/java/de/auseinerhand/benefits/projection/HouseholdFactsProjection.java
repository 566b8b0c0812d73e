package de.auseinerhand.benefits.projection;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.CooperationPlanDisputeEnded;
import de.auseinerhand.events.placement.CooperationPlanDisputeStarted;
import de.auseinerhand.events.registry.AssetsDeclared;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CircumstancesRecorded;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.benefits.application.FactsChanged;
import de.auseinerhand.registryview.CaseEventProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import javax.sql.DataSource;

/**
 * Keeps the facts a calculation needs (incomes, housing costs, assets, responsible municipality)
 * from the registry's events, then tells the decision service which case changed from which month,
 * in the same transaction as the consumer's inbox entry.
 */
@ApplicationScoped
public class HouseholdFactsProjection implements CaseEventProjection {

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    de.auseinerhand.benefits.notices.Notices notices;

    @Inject
    Event<FactsChanged> factsChanged;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (envelope.type().startsWith("de.auseinerhand.placement.")) {
            placement(envelope);
            return;
        }
        if (!envelope.type().startsWith("de.auseinerhand.registry.")) {
            return;
        }
        EventData data = EventCodec.instance().decode(envelope);
        String caseId = envelope.subject();
        Instant recorded = envelope.time() == null ? Instant.now(clock) : envelope.time();
        LocalDate effective = null;
        try (Connection c = dataSource.getConnection()) {
            if (data instanceof CaseOpened e) {
                insert(c, "insert into bf_case_municipality (event_id, case_id, effective_from, municipality, recorded_at) values (?,?,?,?,?)"
                        + " on conflict do nothing", envelope.id(), caseId, e.openedOn(), e.municipality(), recorded);
            } else if (data instanceof CaseMoved e) {
                insert(c, "insert into bf_case_municipality (event_id, case_id, effective_from, municipality, recorded_at) values (?,?,?,?,?)"
                        + " on conflict do nothing", envelope.id(), caseId, e.effectiveFrom(), e.toMunicipality(), recorded);
                effective = e.effectiveFrom();
            } else if (data instanceof IncomeDeclared e) {
                insert(c, "insert into bf_income (event_id, case_id, person_id, kind, from_month, to_month, gross, net, social_contributions,"
                                + " recorded_at, earned_before_birth) values (?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing", envelope.id(), caseId,
                        e.personId(), e.kind().name(), e.fromMonth().toString(), e.toMonth() == null ? null : e.toMonth().toString(), e.gross(),
                        e.net(), e.socialContributions(), recorded, Boolean.TRUE.equals(e.earnedBeforeBirth()));
                effective = e.fromMonth().atDay(1);
            } else if (data instanceof HousingCostsDeclared e) {
                insert(c, "insert into bf_housing (event_id, case_id, effective_from, rent, heating, utilities, household_size, recorded_at,"
                                + " decentral_hot_water) values (?,?,?,?,?,?,?,?,?) on conflict do nothing", envelope.id(), caseId, e.effectiveFrom(),
                        e.rent(), e.heating(), e.utilities(), e.householdSize(), recorded, Boolean.TRUE.equals(e.decentralHotWater()));
                effective = e.effectiveFrom();
            } else if (data instanceof AssetsDeclared e) {
                insert(c, "insert into bf_asset (event_id, case_id, person_id, kind, value, effective_from, recorded_at, owner_occupied,"
                        + " living_space, house, recognised_pension_provision) values (?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing", envelope.id(),
                        caseId, e.personId(), e.kind().name(), e.value(), e.effectiveFrom(), recorded, Boolean.TRUE.equals(e.ownerOccupied()),
                        e.livingSpace(), Boolean.TRUE.equals(e.house()), Boolean.TRUE.equals(e.recognisedPensionProvision()));
                effective = e.effectiveFrom();
            } else if (data instanceof PersonRegistered e) {
                insert(c, "insert into bf_employability (event_id, case_id, person_id, registration, employable, effective_from, recorded_at)"
                        + " values (?,?,?,true,?,?,?) on conflict do nothing", envelope.id(), caseId, e.personId(), e.employable(),
                        e.effectiveFrom(), recorded);
                effective = e.effectiveFrom();
            } else if (data instanceof EmployabilityChanged e) {
                insert(c, "insert into bf_employability (event_id, case_id, person_id, registration, employable, effective_from, recorded_at)"
                        + " values (?,?,?,false,?,?,?) on conflict do nothing", envelope.id(), caseId, e.personId(), e.employable(),
                        e.effectiveFrom(), recorded);
                effective = e.effectiveFrom();
            } else if (data instanceof CircumstancesRecorded e) {
                insert(c, "insert into bf_circumstances (event_id, case_id, person_id, effective_from, parent_ids, single_parent, in_education,"
                                + " moved_out_without_consent, minor_child_outside_case, health_key_id, health_alg, health_ciphertext, recorded_at)"
                                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing", envelope.id(), caseId, e.personId(), e.effectiveFrom(),
                        c.createArrayOf("uuid", e.parentIds().toArray()), e.singleParent(), e.inEducation(), e.movedOutWithoutConsent(),
                        e.minorChildOutsideCase(), e.pii() == null ? null : e.pii().keyId(), e.pii() == null ? null : e.pii().alg(),
                        e.pii() == null ? null : e.pii().ciphertext(), recorded);
                effective = e.effectiveFrom();
            } else if (data instanceof PersonLeftCase e) {
                effective = e.effectiveFrom();
            } else if (data instanceof PersonJoinedCase e) {
                effective = e.effectiveFrom();
            } else if (data instanceof de.auseinerhand.events.registry.PersonDataErased e) {
                notices.erase(e.personId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing household facts of " + caseId + " failed", e);
        }
        if (effective != null) {
            factsChanged.fire(new FactsChanged(caseId, YearMonth.from(effective), envelope.type(), envelope.id(),
                    envelope.actor() != null && envelope.actor().startsWith("migration:")));
        }
    }

    /** Breaches (facts for a hearing) and cooperation-plan disputes from job placement. */
    private void placement(EventEnvelope envelope) {
        EventData data = EventCodec.instance().decode(envelope);
        Instant recorded = envelope.time() == null ? Instant.now(clock) : envelope.time();
        try (Connection c = dataSource.getConnection()) {
            if (data instanceof BreachOfDutyRecorded e) {
                insert(c, "insert into bf_breach (breach_id, case_id, person_id, kind, occurred_on, facts, recorded_at) values (?,?,?,?,?,?,?)"
                        + " on conflict do nothing", e.breachId(), envelope.subject(), e.personId(), e.kind().name(), e.occurredOn(), e.facts(),
                        recorded);
            } else if (data instanceof CooperationPlanDisputeStarted e) {
                insert(c, "insert into bf_dispute (event_id, plan_id, case_id, person_id, started_on) values (?,?,?,?,?) on conflict do nothing",
                        envelope.id(), e.planId(), envelope.subject(), e.personId(), e.startedOn());
            } else if (data instanceof CooperationPlanDisputeEnded e) {
                insert(c, "update bf_dispute set ended_on = ? where plan_id = ? and person_id = ? and ended_on is null", e.endedOn(), e.planId(),
                        e.personId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing placement facts failed", e);
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof LocalDate d) {
                    ps.setObject(i + 1, d);
                } else if (v instanceof Instant t) {
                    ps.setTimestamp(i + 1, Timestamp.from(t));
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.executeUpdate();
        }
    }
}
