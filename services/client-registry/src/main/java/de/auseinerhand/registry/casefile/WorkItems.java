package de.auseinerhand.registry.casefile;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.CooperationPlanUpdated;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseDecider;
import de.auseinerhand.registry.domain.CaseState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What is due on a case, across the three services, derived from its events alone (no calls between services). Recomputed
 * for the whole case whenever one of its events arrives; the rules (issue 16 §1) and the periods they use are in
 * {@link #items}.
 */
@ApplicationScoped
public class WorkItems {
    /** Continuation: six weeks before a decision ends (the application for the next period, § 37 SGB II, § 41(3)). */
    static final int CONTINUATION_DAYS = 42;
    /** Reviews, measures, reductions and integration checks appear two weeks before they are due. */
    static final int LEAD_DAYS = 14;
    /** Assumption (docs/architecture.md): a profile (potential analysis, § 15(1) SGB II) within 4 weeks of unemployment. */
    static final int PROFILE_DAYS = 28;
    /** Assumption: a team lead decides a four-eyes request within two days. */
    static final int FOUR_EYES_DAYS = 2;
    /** Assumption: a cooperation plan (§ 15(2) SGB II) within 2 months of unemployment. */
    static final int PLAN_MONTHS = 2;

    public record Item(String itemId, String kind, String function, UUID personId, LocalDate visibleFrom, LocalDate dueOn,
            LocalDate expiresOn, String detail) {
    }

    @Inject
    EventStore store;

    @Inject
    CaseFiles files;

    @Inject
    DataSource dataSource;

    private final CaseDecider decider = new CaseDecider();

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    private static final Object DIRTY = new Object();

    /**
     * Recomputes the case's items once, just before the caller's transaction commits, however many of its events the
     * transaction applies (a consumer's batch may hold dozens of one case's events: a migrated household, a burst).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeBeforeCommit(String caseId) {
        @SuppressWarnings("unchecked")
        java.util.Set<String> dirty = (java.util.Set<String>) transactions.getResource(DIRTY);
        if (dirty == null) {
            java.util.Set<String> cases = new java.util.LinkedHashSet<>();
            transactions.putResource(DIRTY, cases);
            transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
                        for (String id : cases) {
                            recompute(id);
                        }
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            dirty = cases;
        }
        dirty.add(caseId);
    }

    /** Recomputes the case's items and employable members, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(String caseId) {
        List<de.auseinerhand.eventstore.StoredEvent> own = store.readStream(CaseService.streamId(caseId));
        if (own.isEmpty()) {
            return;
        }
        CaseState s = decider.initialState();
        for (de.auseinerhand.eventstore.StoredEvent e : own) {
            s = decider.evolve(s, e.data());
        }
        List<CaseFiles.Entry> entries = files.entries(caseId, own);
        List<Item> items = s.isOpen() ? items(s, entries) : List.of();
        try (Connection c = dataSource.getConnection();
                PreparedStatement del = c.prepareStatement("delete from work_item where case_id = ?");
                PreparedStatement ins = c.prepareStatement("insert into work_item (case_id, item_id, kind, function, person_id, visible_from, "
                        + "due_on, expires_on, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement delElb = c.prepareStatement("delete from case_elb where case_id = ?");
                PreparedStatement insElb = c.prepareStatement("insert into case_elb (case_id, person_id, birth_year_month) values (?, ?, ?)")) {
            del.setString(1, caseId);
            del.executeUpdate();
            for (Item i : items) {
                ins.setString(1, caseId);
                ins.setString(2, i.itemId());
                ins.setString(3, i.kind());
                ins.setString(4, i.function());
                ins.setObject(5, i.personId());
                ins.setObject(6, i.visibleFrom());
                ins.setObject(7, i.dueOn());
                ins.setObject(8, i.expiresOn());
                ins.setString(9, i.detail());
                ins.addBatch();
            }
            ins.executeBatch();
            delElb.setString(1, caseId);
            delElb.executeUpdate();
            if (s.isOpen()) {
                for (CaseState.Member m : s.members().values()) {
                    if (m.isCurrent() && m.employable()) {
                        insElb.setString(1, caseId);
                        insElb.setObject(2, m.personId());
                        insElb.setString(3, m.birthYearMonth().toString());
                        insElb.addBatch();
                    }
                }
                insElb.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recomputing the work items of " + caseId + " failed", e);
        }
    }

    private static String approvalKind(String kind) {
        return switch (kind) {
            case "DECISION" -> "Bewilligung";
            case "FINAL" -> "abschließende Entscheidung";
            case "AMENDMENT" -> "Änderung";
            default -> kind;
        };
    }

    /**
     * The rules. Benefits: a four-eyes request waiting for a team lead (two days), a decision ending (continuation, from 6 weeks before), a provisional decision whose period has
     * ended (final decision, § 41a(3); after a year it becomes final by itself, § 41a(5)), a recorded breach of duty not yet
     * decided (hearing and decision within 6 months of the breach, § 31b(1) S. 5), a reduction ending. Placement: the
     * cooperation plan's review, a measure's planned end, the six-month check of an integration, an unemployed employable
     * member without a profile (4 weeks) or without a plan (2 months).
     */
    static List<Item> items(CaseState s, List<CaseFiles.Entry> entries) {
        List<Item> out = new ArrayList<>();
        Map<UUID, EntitlementDecided> decisions = new LinkedHashMap<>();
        Set<UUID> replaced = new HashSet<>();
        Set<UUID> terminated = new HashSet<>();
        Map<UUID, List<BreachOfDutyRecorded>> openBreaches = new HashMap<>();
        Map<UUID, BenefitReductionImposed> reductions = new LinkedHashMap<>();
        Map<UUID, LocalDate[]> plans = new HashMap<>(); // person -> [reviewBy]
        Map<UUID, MeasureStarted> measures = new LinkedHashMap<>();
        Map<UUID, IntegrationRecorded> integrations = new HashMap<>();
        Set<UUID> profiles = new HashSet<>();
        Map<UUID, de.auseinerhand.events.benefits.ApprovalRequested> approvals = new LinkedHashMap<>();
        for (CaseFiles.Entry e : entries) {
            EventData d = e.data();
            if (d instanceof de.auseinerhand.events.benefits.ApprovalRequested x) {
                approvals.put(x.approvalId(), x);
            } else if (d instanceof de.auseinerhand.events.benefits.ApprovalDecided x) {
                approvals.remove(x.approvalId());
            } else if (d instanceof EntitlementDecided x) {
                decisions.put(x.decisionId(), x);
                if (x.replacesDecisionId() != null) {
                    replaced.add(x.replacesDecisionId());
                }
            } else if (d instanceof EntitlementTerminated x) {
                terminated.add(x.decisionId());
            } else if (d instanceof BreachOfDutyRecorded x) {
                openBreaches.computeIfAbsent(x.personId(), k -> new ArrayList<>()).add(x);
            } else if (d instanceof BenefitReductionImposed x) {
                // a reduction decides the person's breaches recorded before it
                openBreaches.remove(x.personId());
                if (x.percent() > 0) {
                    reductions.put(UUID.nameUUIDFromBytes((x.personId() + "|" + x.from()).getBytes()), x);
                }
            } else if (d instanceof CooperationPlanAgreed x) {
                plans.put(x.personId(), new LocalDate[] {x.reviewBy()});
            } else if (d instanceof CooperationPlanUpdated x) {
                plans.put(x.personId(), new LocalDate[] {x.reviewBy()});
            } else if (d instanceof MeasureStarted x) {
                measures.put(x.measureId(), x);
            } else if (d instanceof MeasureEnded x) {
                measures.remove(x.measureId());
            } else if (d instanceof MeasureAssignmentWithdrawn x) {
                measures.remove(x.measureId());
            } else if (d instanceof IntegrationRecorded x) {
                integrations.put(x.personId(), x);
            } else if (d instanceof EmploymentEnded x) {
                integrations.remove(x.personId());
            } else if (d instanceof ClientProfileRecorded x) {
                profiles.add(x.personId());
            }
        }
        // benefits
        LocalDate lastEnd = decisions.values().stream().filter(x -> !terminated.contains(x.decisionId()))
                .map(x -> x.period().to()).max(LocalDate::compareTo).orElse(null);
        for (EntitlementDecided x : decisions.values()) {
            if (terminated.contains(x.decisionId()) || replaced.contains(x.decisionId())) {
                continue;
            }
            LocalDate to = x.period().to();
            if (to.equals(lastEnd)) {
                out.add(new Item("CONTINUATION:" + x.decisionId(), "CONTINUATION_DUE", "BENEFITS", null, to.minusDays(CONTINUATION_DAYS), to,
                        to.plusMonths(3), "Bewilligung endet am " + Timeline.date(to) + ": Weiterbewilligung prüfen"));
            }
            if (x.provisional()) {
                LocalDate deadline = to.plusYears(1);
                out.add(new Item("FINAL:" + x.decisionId(), "FINAL_DECISION_DUE", "BENEFITS", null, to.plusDays(1), deadline, deadline,
                        "Abschließende Entscheidung für " + Timeline.date(x.period().from()) + " bis " + Timeline.date(to)
                                + " (§ 41a Abs. 3 SGB II); ohne sie gilt die vorläufige am " + Timeline.date(deadline) + " als abschließend (§ 41a Abs. 5 SGB II)"));
            }
        }
        openBreaches.forEach((person, breaches) -> {
            for (BreachOfDutyRecorded b : breaches) {
                LocalDate deadline = b.occurredOn().plusMonths(6);
                out.add(new Item("BREACH:" + b.breachId(), "REDUCTION_DECISION_DUE", "BENEFITS", person, b.occurredOn(), deadline, deadline,
                        "Pflichtverletzung vom " + Timeline.date(b.occurredOn()) + ": Anhörung (§ 24 SGB X) und Entscheidung über die Minderung bis "
                                + Timeline.date(deadline) + " (§ 31b Abs. 1 SGB II)"));
            }
        });
        approvals.values().forEach(a -> out.add(new Item("FOUR_EYES:" + a.approvalId(), "FOUR_EYES_PENDING", "BENEFITS", null, a.requestedOn(),
                a.requestedOn().plusDays(FOUR_EYES_DAYS), null, "Vier-Augen-Prüfung: " + approvalKind(a.kind()) + " wartet auf die Freigabe ("
                        + a.reason() + ")")));
        reductions.forEach((id, r) -> out.add(new Item("REDUCTION:" + id, "REDUCTION_ENDING", "BENEFITS", r.personId(), r.to().minusDays(LEAD_DAYS),
                r.to(), r.to(), "Minderung (" + r.percent() + " %) endet am " + Timeline.date(r.to()))));
        // placement, for the current members
        for (CaseState.Member m : s.members().values()) {
            if (!m.isCurrent()) {
                continue;
            }
            UUID p = m.personId();
            LocalDate[] plan = plans.get(p);
            if (plan != null) {
                out.add(new Item("PLAN_REVIEW:" + p, "PLAN_REVIEW_DUE", "PLACEMENT", p, plan[0].minusDays(LEAD_DAYS), plan[0], null,
                        "Kooperationsplan überprüfen bis " + Timeline.date(plan[0]) + " (§ 15 Abs. 3 SGB II)"));
            }
            IntegrationRecorded i = integrations.get(p);
            if (i != null) {
                LocalDate check = i.startDate().plusMonths(6);
                out.add(new Item("INTEGRATION_CHECK:" + p, "INTEGRATION_CHECK_DUE", "PLACEMENT", p, check.minusDays(LEAD_DAYS), check,
                        check.plusMonths(2), "Nachhaltigkeit der Integration vom " + Timeline.date(i.startDate()) + " prüfen (sechs Monate)"));
            }
            if (m.employable() && m.unemployedSince() != null) {
                LocalDate since = m.unemployedSince();
                if (!profiles.contains(p)) {
                    out.add(new Item("PROFILE_MISSING:" + p, "PROFILE_MISSING", "PLACEMENT", p, since, since.plusDays(PROFILE_DAYS), null,
                            "Arbeitslos seit " + Timeline.date(since) + " ohne Bewerberprofil (Potenzialanalyse, § 15 Abs. 1 SGB II)"));
                }
                if (plan == null) {
                    out.add(new Item("PLAN_MISSING:" + p, "PLAN_MISSING", "PLACEMENT", p, since, since.plusMonths(PLAN_MONTHS), null,
                            "Arbeitslos seit " + Timeline.date(since) + " ohne Kooperationsplan (§ 15 Abs. 2 SGB II)"));
                }
            }
        }
        for (MeasureStarted x : measures.values()) {
            if (x.plannedEnd() != null) {
                out.add(new Item("MEASURE_END:" + x.measureId(), "MEASURE_ENDING", "PLACEMENT", x.personId(), x.plannedEnd().minusDays(LEAD_DAYS),
                        x.plannedEnd(), null, "Maßnahme (" + x.legalBasis() + ", " + x.provider() + ") endet planmäßig am " + Timeline.date(x.plannedEnd())));
            }
        }
        return out;
    }
}
