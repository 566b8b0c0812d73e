package de.auseinerhand.benefits.migration;

import com.fasterxml.jackson.databind.JsonNode;
import de.auseinerhand.benefits.application.DecisionService;
import de.auseinerhand.benefits.domain.decision.BenefitCommand;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.benefits.domain.decision.MonthAmounts;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.benefits.PostedPersonAmount;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.migration.format.HouseholdValidator;
import de.auseinerhand.migration.format.MigratedHouseholds;
import de.auseinerhand.migration.format.MigrationIds;
import de.auseinerhand.migration.format.Problem;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.reference.District;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * benefit-calculation's part of the migration import (issue 14 §1, docs/migration.md): the household's decisions and
 * postings as the old system decided and paid them, <em>taken as decided</em>: nothing is recomputed. They become the
 * catalogue's own events on the case's benefit stream ({@code application-received}, {@code entitlement-decided},
 * {@code entitlement-terminated}, {@code monthly-entitlement-posted}), decided by the benefit rules of the stream (one
 * application, decisions not overlapping, postings only in months a decision covers and once each) in business-date
 * order, with {@code migration:<run>} as actor, in one transaction with the household's {@code migrated_household} row.
 *
 * <p>A migrated decision carries the rule set {@value #RULE_SET}: the old system's breakdown (standard need, additional
 * needs, countable income) is not migrated, so its per-person amounts are the LLU and KdU as paid. No notice is issued for
 * it (the old system sent them), no calculation sheet is stored, and neither changed facts nor new rule data amend it:
 * {@link DecisionService} puts such a case on the migration review list instead (a case worker decides).
 */
@ApplicationScoped
public class BenefitMigration {

    /** The rule set of a migrated decision: amounts as the old system decided them. */
    public static final String RULE_SET = BenefitState.MIGRATED_RULE_SET;

    public enum Status { MIGRATED, ALREADY_MIGRATED, REJECTED, ACCEPTED }

    /** What became of one household: its case and the number of events written, or why it was rejected. */
    public record Result(String householdId, Status status, String caseId, int events, List<Problem> problems) {
    }

    /** A household of the migration file with the case the registry made of it. */
    public record Entry(String caseId, JsonNode household) {
    }

    @Inject
    EventStore store;

    @Inject
    AuditTrail audit;

    @Inject
    District district;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile MigratedHouseholds households;

    /**
     * Checks every household (the format, then the benefit rules without writing) and writes the accepted ones in one
     * transaction; with {@code dryRun} only checks. If a run in parallel took a household first, one by one instead.
     */
    public List<Result> importAll(String runId, List<Entry> entries, boolean dryRun) {
        HouseholdValidator v = validator(LocalDate.now(clock));
        Result[] out = new Result[entries.size()];
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode h = entries.get(i).household();
            List<Problem> problems = v.validate(h);
            if (problems.isEmpty()) {
                valid.add(i);
            } else {
                out[i] = new Result(h.path("householdId").isTextual() ? h.get("householdId").asText() : null, Status.REJECTED,
                        entries.get(i).caseId(), 0, problems);
            }
        }
        Map<String, String> before = migrated(valid.stream().map(i -> id(entries.get(i))).toList());
        List<Integer> accepted = new ArrayList<>();
        List<List<EventData>> decided = new ArrayList<>();
        for (int i : valid) {
            Entry e = entries.get(i);
            if (before.containsKey(id(e))) {
                out[i] = new Result(id(e), Status.ALREADY_MIGRATED, before.get(id(e)), 0, List.of());
                continue;
            }
            try {
                decided.add(decide(e.household()));
                accepted.add(i);
            } catch (CommandRejected r) {
                out[i] = rejected(e, r);
            }
        }
        if (dryRun) {
            for (int k = 0; k < accepted.size(); k++) {
                Entry e = entries.get(accepted.get(k));
                out[accepted.get(k)] = new Result(id(e), Status.ACCEPTED, e.caseId(), decided.get(k).size(), List.of());
            }
        } else if (!accepted.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int k = 0; k < accepted.size(); k++) {
                        out[accepted.get(k)] = write(runId, entries.get(accepted.get(k)), decided.get(k));
                    }
                });
            } catch (MigratedHouseholds.AlreadyMigrated | de.auseinerhand.eventstore.ConcurrencyConflictException e) {
                for (int k = 0; k < accepted.size(); k++) {
                    out[accepted.get(k)] = one(runId, entries.get(accepted.get(k)), decided.get(k));
                }
            }
        }
        return List.of(out);
    }

    private HouseholdValidator validator(LocalDate today) {
        MigratedHouseholds m = households;
        if (m == null) {
            m = new MigratedHouseholds(district.municipalities().stream().map(x -> x.ags()).collect(Collectors.toSet()));
            households = m;
        }
        return m.validator(today);
    }

    private Result one(String runId, Entry e, List<EventData> events) {
        String before = migrated(List.of(id(e))).get(id(e));
        if (before != null) {
            return new Result(id(e), Status.ALREADY_MIGRATED, before, 0, List.of());
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(runId, e, events));
        } catch (MigratedHouseholds.AlreadyMigrated | de.auseinerhand.eventstore.ConcurrencyConflictException x) {
            return new Result(id(e), Status.ALREADY_MIGRATED, migrated(List.of(id(e))).get(id(e)), 0, List.of());
        }
    }

    private static String id(Entry e) {
        return e.household().get("householdId").asText();
    }

    private static Result rejected(Entry e, CommandRejected r) {
        return new Result(id(e), Status.REJECTED, e.caseId(), 0,
                List.of(new Problem(r.field() == null ? "(household)" : r.field(), r.getMessage())));
    }

    /** A command with its business day and its rank among the commands of that day (terminating, deciding, posting). */
    private record Dated(LocalDate on, int rank, int seq, BenefitCommand command, String field) {
    }

    /**
     * The household's benefit events, decided by the benefit rules command by command: the application (received when
     * the case opened, at the earliest on the first decision's first day), each decision with its months, each
     * termination, each posting. A command the rules refuse rejects the household, naming the field of the file.
     */
    List<EventData> decide(JsonNode h) {
        String householdId = h.get("householdId").asText();
        List<Dated> commands = new ArrayList<>();
        int seq = 0;
        int d = 0;
        for (JsonNode decision : h.path("decisions")) {
            String f = "decisions[" + d++ + "]";
            UUID id = MigrationIds.decision(householdId, decision.get("decisionId").asText());
            LocalDate from = date(decision.get("from"));
            LocalDate to = date(decision.get("to"));
            List<PersonEntitlement> people = new ArrayList<>();
            for (JsonNode m : decision.get("members")) {
                BigDecimal llu = money(m.get("llu"));
                BigDecimal kdu = money(m.get("kdu"));
                people.add(new PersonEntitlement(MigrationIds.person(householdId, m.get("personId").asText()), llu, List.of(), kdu,
                        BigDecimal.ZERO.setScale(2), llu, kdu, llu.add(kdu)));
            }
            List<MonthAmounts> months = new ArrayList<>();
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                months.add(new MonthAmounts(m, RULE_SET, List.copyOf(people), money(decision.get("total")),
                        money(decision.get("federalShare")), money(decision.get("municipalShare")), null));
            }
            commands.add(new Dated(from, 1, seq++, new BenefitCommand.Decide(id, from, to, decision.path("provisional").asBoolean(false),
                    null, null, null, months), f + ".from"));
            if (decision.hasNonNull("terminatedFrom")) {
                commands.add(new Dated(date(decision.get("terminatedFrom")), 0, seq++, new BenefitCommand.Terminate(id,
                        date(decision.get("terminatedFrom")), decision.hasNonNull("terminationReason")
                                ? decision.get("terminationReason").asText() : "migrated: terminated in the old system"),
                        f + ".terminatedFrom"));
            }
        }
        int p = 0;
        for (JsonNode posting : h.path("postings")) {
            String f = "postings[" + p++ + "]";
            YearMonth month = YearMonth.parse(posting.get("month").asText());
            List<PostedPersonAmount> people = new ArrayList<>();
            for (JsonNode m : posting.get("members")) {
                people.add(new PostedPersonAmount(MigrationIds.person(householdId, m.get("personId").asText()), money(m.get("llu")),
                        money(m.get("kdu")), money(m.get("reduction")), money(m.get("payable"))));
            }
            commands.add(new Dated(month.atDay(1), 2, seq++, new BenefitCommand.Post(month, List.copyOf(people), money(posting.get("llu")),
                    money(posting.get("kdu")), money(posting.get("reductions")), money(posting.get("payable"))), f + ".month"));
        }
        List<EventData> events = new ArrayList<>();
        if (commands.isEmpty()) {
            return events;
        }
        commands.sort(Comparator.comparing(Dated::on).thenComparingInt(Dated::rank).thenComparingInt(Dated::seq));
        LocalDate opened = date(h.get("openedOn"));
        LocalDate firstDecision = commands.stream().filter(c -> c.command() instanceof BenefitCommand.Decide).map(Dated::on)
                .min(Comparator.naturalOrder()).orElse(opened);
        LocalDate received = firstDecision.isAfter(opened) ? firstDecision : opened;
        BenefitState state = DecisionService.DECIDER.initialState();
        List<Dated> all = new ArrayList<>();
        all.add(new Dated(received, -1, -1, new BenefitCommand.ReceiveApplication(received, opened), "openedOn"));
        all.addAll(commands);
        for (Dated c : all) {
            List<EventData> decided;
            try {
                decided = DecisionService.DECIDER.decide(c.command(), state);
            } catch (CommandRejected r) {
                throw new CommandRejected(r.code(), c.field(), r.getMessage());
            }
            for (EventData e : decided) {
                state = DecisionService.DECIDER.evolve(state, e);
                events.add(e);
            }
        }
        return events;
    }

    /** The day an event takes effect, for the municipality its envelope names. */
    private static LocalDate businessDay(EventData e, LocalDate fallback) {
        if (e instanceof de.auseinerhand.events.benefits.EntitlementDecided d) {
            return d.period().from();
        } else if (e instanceof de.auseinerhand.events.benefits.EntitlementTerminated t) {
            return t.effectiveFrom();
        } else if (e instanceof de.auseinerhand.events.benefits.MonthlyEntitlementPosted p) {
            return p.month().atDay(1);
        } else if (e instanceof de.auseinerhand.events.benefits.ApplicationReceived a) {
            return a.receivedOn();
        }
        return fallback;
    }

    private Result write(String runId, Entry entry, List<EventData> decided) {
        JsonNode h = entry.household();
        String householdId = id(entry);
        String caseId = entry.caseId();
        String actor = "migration:" + runId;
        if (!decided.isEmpty()) {
            LocalDate opened = date(h.get("openedOn"));
            List<NewEvent> events = new ArrayList<>();
            for (EventData e : decided) {
                events.add(new NewEvent(e, caseId, MigrationIds.municipalityOn(h, businessDay(e, opened))));
            }
            store.append(DecisionService.stream(caseId), 0, events, new EventMetadata(actor, UUID.randomUUID(), null, null));
            postings(caseId, decided);
        }
        record(householdId, caseId, runId);
        audit.recordAs(actor, "migrate-benefits", caseId, null);
        return new Result(householdId, Status.MIGRATED, caseId, decided.size(), List.of());
    }

    /** The posting run's ledger of posted months, so that it does not post a migrated month again. */
    private void postings(String caseId, List<EventData> events) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into monthly_posting (case_id, month, payable, posted_at) values (?, ?, ?, ?) on conflict do nothing")) {
            int n = 0;
            for (EventData e : events) {
                if (e instanceof de.auseinerhand.events.benefits.MonthlyEntitlementPosted p) {
                    ps.setString(1, caseId);
                    ps.setString(2, p.month().toString());
                    ps.setBigDecimal(3, p.payable());
                    ps.setTimestamp(4, Timestamp.from(Instant.now(clock)));
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording migrated postings of " + caseId + " failed", e);
        }
    }

    private Map<String, String> migrated(List<String> householdIds) {
        try (Connection c = dataSource.getConnection()) {
            return MigratedHouseholds.caseIds(c, householdIds);
        } catch (SQLException e) {
            throw new IllegalStateException("reading migrated households failed", e);
        }
    }

    private void record(String householdId, String caseId, String runId) {
        try (Connection c = dataSource.getConnection()) {
            MigratedHouseholds.record(c, householdId, caseId, runId, Instant.now(clock));
        } catch (SQLException e) {
            throw new IllegalStateException("recording migrated household " + householdId + " failed", e);
        }
    }

    private static BigDecimal money(JsonNode n) {
        return n.decimalValue().setScale(2);
    }

    private static LocalDate date(JsonNode n) {
        return LocalDate.parse(n.asText());
    }
}
