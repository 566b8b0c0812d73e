package de.auseinerhand.placement.application;

import com.fasterxml.jackson.databind.JsonNode;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.Decider;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.migration.format.HouseholdValidator;
import de.auseinerhand.migration.format.MigratedHouseholds;
import de.auseinerhand.migration.format.MigrationIds;
import de.auseinerhand.migration.format.Problem;
import de.auseinerhand.placement.domain.client.MeasureType;
import de.auseinerhand.placement.domain.client.MemberFacts;
import de.auseinerhand.placement.domain.client.PlacementCommand;
import de.auseinerhand.placement.domain.client.PlacementDecider;
import de.auseinerhand.placement.domain.client.PlacementState;
import de.auseinerhand.placement.infrastructure.QueryTables;
import de.auseinerhand.placement.infrastructure.ReferenceData;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.keys.PersonKeys;
import de.auseinerhand.servicekit.reference.District;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * job-placement's part of the migration import (issue 14 §1, docs/migration.md): the household's measures and
 * integrations become the catalogue's own events on the case's placement stream, decided by the placement rules
 * command by command in business-date order, as a case worker would have recorded them then: a measure is assigned from
 * the catalogue (its legal basis, limits and duration rules), started and ended; an integration needs a member who was
 * employable then and no employment running; an employment ends. Free texts are sealed with the person's key (the
 * registry's part, written first, made the keys). One transaction per batch, {@code migration:<run>} as actor.
 */
@ApplicationScoped
public class PlacementMigration {

    public enum Status { MIGRATED, ALREADY_MIGRATED, REJECTED, ACCEPTED }

    public record Result(String householdId, Status status, String caseId, int events, List<Problem> problems) {
    }

    public record Entry(String caseId, JsonNode household) {
    }

    /** Stands in for the employer of an integration the old system recorded without one (removed from the event). */
    private static final UUID EMPLOYER_UNKNOWN = UUID.nameUUIDFromBytes("aeh-migration/employer/unknown".getBytes(
            java.nio.charset.StandardCharsets.UTF_8));

    private final PlacementDecider decider = new PlacementDecider();

    @Inject
    EventStore store;

    @Inject
    QueryTables tables;

    @Inject
    ReferenceData reference;

    @Inject
    PersonKeys keys;

    @Inject
    AuditTrail audit;

    @Inject
    District district;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile MigratedHouseholds households;

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
        for (int i : valid) {
            Entry e = entries.get(i);
            if (before.containsKey(id(e))) {
                out[i] = new Result(id(e), Status.ALREADY_MIGRATED, before.get(id(e)), 0, List.of());
                continue;
            }
            try {
                int n = decide(e.household(), decider).events().size();
                if (dryRun) {
                    out[i] = new Result(id(e), Status.ACCEPTED, e.caseId(), n, List.of());
                } else {
                    accepted.add(i);
                }
            } catch (CommandRejected r) {
                out[i] = new Result(id(e), Status.REJECTED, e.caseId(), 0,
                        List.of(new Problem(r.field() == null ? "(household)" : r.field(), r.getMessage())));
            }
        }
        if (!dryRun && !accepted.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> accepted.forEach(i -> out[i] = write(runId, entries.get(i))));
            } catch (MigratedHouseholds.AlreadyMigrated | CommandRejected | de.auseinerhand.eventstore.ConcurrencyConflictException e) {
                for (int i : accepted) {
                    out[i] = one(runId, entries.get(i));
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

    private Result one(String runId, Entry e) {
        String before = migrated(List.of(id(e))).get(id(e));
        if (before != null) {
            return new Result(id(e), Status.ALREADY_MIGRATED, before, 0, List.of());
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(runId, e));
        } catch (MigratedHouseholds.AlreadyMigrated | de.auseinerhand.eventstore.ConcurrencyConflictException x) {
            return new Result(id(e), Status.ALREADY_MIGRATED, migrated(List.of(id(e))).get(id(e)), 0, List.of());
        } catch (CommandRejected r) {
            return new Result(id(e), Status.REJECTED, e.caseId(), 0,
                    List.of(new Problem(r.field() == null ? "(household)" : r.field(), r.getMessage())));
        }
    }

    private static String id(Entry e) {
        return e.household().get("householdId").asText();
    }

    private record Dated(LocalDate on, int rank, int seq, PlacementCommand command, String field) {
    }

    /** The events (as stored: sealed when {@code with} seals), the state after them and the persons they concern. */
    private record Decided(List<EventData> events, List<LocalDate> days, PlacementState state, Set<UUID> persons) {
    }

    /**
     * The household's placement events from its measures and integrations, decided in business-date order (assigning,
     * starting, integrations, ending a measure, ending an employment on the same day). A command the rules refuse rejects
     * the household with the field of the file.
     */
    private Decided decide(JsonNode h, Decider<PlacementCommand, PlacementState> with) {
        String householdId = h.get("householdId").asText();
        List<Dated> commands = new ArrayList<>();
        int seq = 0;
        int i = 0;
        for (JsonNode m : h.path("measures")) {
            String f = "measures[" + i++ + "]";
            String catalogueId = m.get("catalogueId").asText();
            MeasureType type = reference.measure(catalogueId).orElseThrow(() -> new CommandRejected("not-in-catalogue",
                    f + ".catalogueId", "is not an entry of the measure catalogue " + reference.catalogueVersion()));
            if (!type.legalBasis().equals(m.get("legalBasis").asText()) || !type.category().name().equals(m.get("category").asText())) {
                throw new CommandRejected("catalogue-mismatch", f + ".legalBasis", "the catalogue's " + catalogueId + " is "
                        + type.legalBasis() + " (" + type.category() + ")");
            }
            UUID person = MigrationIds.person(householdId, m.get("personId").asText());
            UUID measure = MigrationIds.measure(householdId, m.get("measureId").asText());
            LocalDate assigned = date(m.get("assignedOn"));
            LocalDate start = date(m.get("start"));
            LocalDate plannedEnd = m.hasNonNull("plannedEnd") ? date(m.get("plannedEnd")) : m.hasNonNull("end") ? date(m.get("end")) : null;
            BigDecimal costs = m.hasNonNull("costs") ? m.get("costs").decimalValue() : null;
            commands.add(new Dated(assigned, 0, seq++, new PlacementCommand.AssignMeasure(member(h, m.get("personId").asText(), assigned),
                    measure, type, m.get("provider").asText(), assigned, start, plannedEnd, costs, caseworker(h, assigned), List.of()),
                    f + ".assignedOn"));
            commands.add(new Dated(start, 1, seq++, new PlacementCommand.StartMeasure(member(h, m.get("personId").asText(), start), measure,
                    start, costs), f + ".start"));
            if (m.hasNonNull("end")) {
                commands.add(new Dated(date(m.get("end")), 3, seq++, new PlacementCommand.EndMeasure(person, measure, date(m.get("end")),
                        result(m.path("outcome").asText("")), null, false), f + ".end"));
            }
        }
        i = 0;
        for (JsonNode g : h.path("integrations")) {
            String f = "integrations[" + i++ + "]";
            String legacy = g.get("personId").asText();
            LocalDate start = date(g.get("startDate"));
            IntegrationKind kind = IntegrationKind.valueOf(g.get("kind").asText());
            commands.add(new Dated(start, 2, seq++, new PlacementCommand.RecordIntegration(member(h, legacy, start), kind, start,
                    kind == IntegrationKind.SELF_EMPLOYMENT ? null : EMPLOYER_UNKNOWN, g.get("hoursPerWeek").decimalValue(),
                    g.hasNonNull("monthlyWage") ? g.get("monthlyWage").decimalValue() : null,
                    g.hasNonNull("subsidy") ? g.get("subsidy").asText() : kind == IntegrationKind.SUBSIDISED
                            ? "migrated: subsidised employment (legal basis not recorded in the old system)" : null), f + ".startDate"));
            if (g.hasNonNull("endDate")) {
                commands.add(new Dated(date(g.get("endDate")), 4, seq++, new PlacementCommand.EndEmployment(
                        MigrationIds.person(householdId, legacy), date(g.get("endDate")),
                        g.hasNonNull("endReason") ? g.get("endReason").asText() : "migrated: ended in the old system"), f + ".endDate"));
            }
        }
        commands.sort(Comparator.comparing(Dated::on).thenComparingInt(Dated::rank).thenComparingInt(Dated::seq));
        PlacementState state = with.initialState();
        List<EventData> events = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        Set<UUID> persons = new LinkedHashSet<>();
        for (Dated c : commands) {
            List<EventData> decided;
            try {
                decided = with.decide(c.command(), state);
            } catch (CommandRejected r) {
                throw new CommandRejected(r.code(), fileField(c.field(), r.field()), r.getMessage());
            }
            for (EventData e : decided) {
                state = with.evolve(state, e);
                events.add(e instanceof IntegrationRecorded r && EMPLOYER_UNKNOWN.equals(r.employerId())
                        ? new IntegrationRecorded(r.personId(), r.kind(), r.startDate(), null, r.hoursPerWeek(), r.subsidy(), r.monthlyWage())
                        : e);
                days.add(c.on());
            }
            persons.add(personOf(c.command()));
        }
        return new Decided(events, days, state, persons);
    }

    /** The rule's field in terms of the file: the entry's field of that name, else the date that placed the command. */
    private static String fileField(String placedBy, String ruleField) {
        String entry = placedBy.substring(0, placedBy.lastIndexOf('.'));
        String name = ruleField == null ? null : switch (ruleField) {
            case "plannedStart" -> "start";
            case "plannedCosts" -> "costs";
            case "personId", "plannedEnd", "start", "end", "startDate", "endDate", "monthlyWage", "hoursPerWeek", "costs",
                    "assignedOn", "catalogueId" -> ruleField;
            default -> null;
        };
        return name == null ? placedBy : entry + "." + name;
    }

    private static UUID personOf(PlacementCommand c) {
        if (c instanceof PlacementCommand.AssignMeasure a) {
            return a.personId();
        } else if (c instanceof PlacementCommand.StartMeasure s) {
            return s.member().personId();
        } else if (c instanceof PlacementCommand.EndMeasure e) {
            return e.personId();
        } else if (c instanceof PlacementCommand.RecordIntegration r) {
            return r.personId();
        } else if (c instanceof PlacementCommand.EndEmployment e) {
            return e.personId();
        }
        throw new IllegalArgumentException(c.toString());
    }

    /** A measure's outcome in the file: one of the results job-placement records, else a completed measure. */
    private static PlacementCommand.MeasureResult result(String outcome) {
        for (PlacementCommand.MeasureResult r : PlacementCommand.MeasureResult.values()) {
            if (r.name().equalsIgnoreCase(outcome.trim())) {
                return r;
            }
        }
        return PlacementCommand.MeasureResult.COMPLETED;
    }

    /** What the rules know of the member on {@code day}: a member of the open case then, and employable then (§ 8 SGB II). */
    private static MemberFacts member(JsonNode h, String legacyPersonId, LocalDate day) {
        String householdId = h.get("householdId").asText();
        for (JsonNode m : h.get("members")) {
            if (!m.get("personId").asText().equals(legacyPersonId)) {
                continue;
            }
            boolean member = !date(m.get("joinedOn")).isAfter(day) && (!m.hasNonNull("leftOn") || date(m.get("leftOn")).isAfter(day))
                    && (!h.hasNonNull("closedOn") || date(h.get("closedOn")).isAfter(day));
            return new MemberFacts(MigrationIds.person(householdId, legacyPersonId), member, MigrationIds.employableOn(m, day));
        }
        return new MemberFacts(MigrationIds.person(householdId, legacyPersonId), false, false);
    }

    /** The placement officer of the household on {@code day} (else its case manager), who assigned a measure then. */
    private static String caseworker(JsonNode h, LocalDate day) {
        String placement = null;
        String caseManager = null;
        for (JsonNode c : h.path("caseworkers")) {
            if (date(c.get("from")).isAfter(day)) {
                continue;
            }
            if (c.get("function").asText().equals("PLACEMENT")) {
                placement = c.get("caseworkerId").asText();
            } else if (c.get("function").asText().equals("CASE_MANAGEMENT")) {
                caseManager = c.get("caseworkerId").asText();
            }
        }
        return placement != null ? placement : caseManager != null ? caseManager : "migration";
    }

    private Result write(String runId, Entry entry) {
        JsonNode h = entry.household();
        String caseId = entry.caseId();
        String actor = "migration:" + runId;
        Decided d = decide(h, new SealingDecider(decider, keys));
        if (!d.events().isEmpty()) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < d.events().size(); i++) {
                events.add(new NewEvent(d.events().get(i), caseId, MigrationIds.municipalityOn(h, d.days().get(i))));
            }
            store.append(PlacementService.streamId(caseId), 0, events, new EventMetadata(actor, UUID.randomUUID(), null, null));
            for (UUID person : d.persons()) {
                tables.client(caseId, d.state().client(person));
            }
        }
        record(id(entry), caseId, runId);
        audit.recordAs(actor, "migrate-placement", caseId, null);
        return new Result(id(entry), Status.MIGRATED, caseId, d.events().size(), List.of());
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

    private static LocalDate date(JsonNode n) {
        return LocalDate.parse(n.asText());
    }
}
