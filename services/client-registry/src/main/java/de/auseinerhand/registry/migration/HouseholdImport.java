package de.auseinerhand.registry.migration;

import com.fasterxml.jackson.databind.JsonNode;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventTypes;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.EmployabilityBasis;
import de.auseinerhand.events.registry.HealthFacts;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.migration.format.HouseholdValidator;
import de.auseinerhand.migration.format.Problem;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseCommand;
import de.auseinerhand.registry.domain.CaseDecider;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.registry.infrastructure.CaseDirectory;
import de.auseinerhand.registry.infrastructure.CaseNumbers;
import de.auseinerhand.registry.infrastructure.PersonalData;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.keys.PersonKeys;
import de.auseinerhand.servicekit.reference.District;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The registry's part of the migration import (issue 14 §1, docs/migration.md): a household of the migration file becomes
 * a case stream with the same events the API would have recorded, decided by the case's own rules command by command in
 * business-date order, personal data encrypted under new person keys exactly as through the API, appended in one go, with
 * the search directory refreshed and the household recorded as migrated, in one transaction per household. The actor of
 * the events and of the audit records is {@code migration:<run id>}. A household migrated before is not written again.
 */
@ApplicationScoped
public class HouseholdImport {

    /** ACCEPTED: a dry run found nothing against the household (nothing written). */
    public enum Status { MIGRATED, ALREADY_MIGRATED, REJECTED, ACCEPTED }

    /** Stands in for the sealed personal data while a household is only checked against the case's rules. */
    private static final de.auseinerhand.events.EncryptedPii UNSEALED =
            new de.auseinerhand.events.EncryptedPii("dry-run", de.auseinerhand.events.EncryptedPii.AES_256_GCM, "AAAAAAAAAAAAAAAA");

    /** What became of one household: its case, the new ids of its members by the old ones, or why it was rejected. */
    public record Result(String householdId, Status status, String caseId, Map<String, UUID> persons, List<Problem> problems) {
    }

    private final CaseDecider decider = new CaseDecider();

    @Inject
    EventStore store;

    @Inject
    CaseNumbers numbers;

    @Inject
    CaseDirectory directory;

    @Inject
    PersonKeys vault;

    @Inject
    AuditTrail audit;

    @Inject
    District district;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** The new person id of a member: the same on every run (name-based on the household's and the member's old ids). */
    public static UUID personId(String householdId, String legacyPersonId) {
        return de.auseinerhand.migration.format.MigrationIds.person(householdId, legacyPersonId);
    }

    /**
     * Checks every household (the format, then the case's rules without writing anything) and writes the accepted ones
     * of the batch in one transaction; with {@code dryRun} only checks. When the batch's transaction cannot be committed
     * because a run in parallel took a household first, the households are written one by one instead.
     */
    public List<Result> importAll(String runId, List<JsonNode> households, boolean dryRun) {
        HouseholdValidator validator = validator(LocalDate.now(clock));
        Result[] out = new Result[households.size()];
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            JsonNode h = households.get(i);
            List<Problem> problems = validator.validate(h);
            if (problems.isEmpty()) {
                valid.add(i);
            } else {
                out[i] = new Result(h.path("householdId").isTextual() ? h.get("householdId").asText() : null, Status.REJECTED, null, null,
                        problems);
            }
        }
        Map<String, Result> before = migrated(valid.stream().map(i -> households.get(i).get("householdId").asText()).toList());
        List<Integer> accepted = new ArrayList<>();
        for (int i : valid) {
            JsonNode h = households.get(i);
            String id = h.get("householdId").asText();
            if (before.containsKey(id)) {
                out[i] = before.get(id);
                continue;
            }
            try {
                decide(commands(h, "BG-" + h.get("municipality").asText() + "-000000", persons(h), new LinkedHashMap<>(), false));
                accepted.add(i);
            } catch (CommandRejected e) {
                out[i] = rejected(id, e);
            }
        }
        if (dryRun) {
            accepted.forEach(i -> out[i] = new Result(households.get(i).get("householdId").asText(), Status.ACCEPTED, null,
                    persons(households.get(i)), List.of()));
        } else if (!accepted.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> accepted.forEach(i -> out[i] = write(runId, households.get(i))));
            } catch (AlreadyMigrated | CommandRejected e) {
                for (int i : accepted) {
                    out[i] = one(runId, households.get(i));
                }
            }
        }
        return List.of(out);
    }

    private volatile HouseholdValidator validator;

    /** The format's checks with today as the cut-over day; built once a day (reading the schema is not free). */
    private HouseholdValidator validator(LocalDate today) {
        HouseholdValidator v = validator;
        if (v == null || !v.cutOver().equals(today)) {
            v = new HouseholdValidator(district.municipalities().stream().map(m -> m.ags()).collect(Collectors.toSet()), today);
            validator = v;
        }
        return v;
    }

    /** One household in a transaction of its own. */
    private Result one(String runId, JsonNode h) {
        String id = h.get("householdId").asText();
        Map<String, Result> before = migrated(List.of(id));
        if (before.containsKey(id)) {
            return before.get(id);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(runId, h));
        } catch (AlreadyMigrated e) {
            return migrated(List.of(id)).get(id);
        } catch (CommandRejected e) {
            return rejected(id, e);
        }
    }

    private static Result rejected(String householdId, CommandRejected e) {
        return new Result(householdId, Status.REJECTED, null, null,
                List.of(new Problem(e.field() == null ? "(household)" : e.field(), e.getMessage())));
    }

    private static Map<String, UUID> persons(JsonNode h) {
        String householdId = h.get("householdId").asText();
        Map<String, UUID> persons = new LinkedHashMap<>();
        for (JsonNode m : h.get("members")) {
            persons.put(m.get("personId").asText(), personId(householdId, m.get("personId").asText()));
        }
        return persons;
    }

    /** The case's events from the commands, decided by the case's rules in order, and the state after them. */
    private record Decided(List<EventData> events, List<CaseState> states) {
    }

    private Decided decide(List<Dated> commands) {
        CaseState state = decider.initialState();
        List<EventData> events = new ArrayList<>();
        List<CaseState> states = new ArrayList<>();
        for (Dated d : commands) {
            for (EventData e : decider.decide(d.command(), state)) {
                EventTypes.of(e);
                state = decider.evolve(state, e);
                events.add(e);
                states.add(state);
            }
        }
        return new Decided(events, states);
    }

    private Result write(String runId, JsonNode h) {
        String householdId = h.get("householdId").asText();
        Map<String, UUID> persons = persons(h);
        String caseId = numbers.next(h.get("municipality").asText());
        Map<UUID, PersonalData> names = new LinkedHashMap<>();
        Decided decided = decide(commands(h, caseId, persons, names, true));
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < decided.events().size(); i++) {
            events.add(new NewEvent(decided.events().get(i), caseId, decided.states().get(i).municipality()));
        }
        CaseState state = decided.states().get(decided.states().size() - 1);
        String actor = "migration:" + runId;
        List<StoredEvent> stored = store.append(CaseService.streamId(caseId), 0, events,
                new EventMetadata(actor, UUID.randomUUID(), null, null));
        // the case's directory row, the person search's rows with the names (as a registration through the API stores
        // them), then the members' flags (current, left) from the case's state
        long version = stored.get(stored.size() - 1).envelope().streamversion();
        directory.refresh(state, version, false);
        for (JsonNode m : h.get("members")) {
            UUID id = persons.get(m.get("personId").asText());
            directory.placePerson(id, caseId, state.municipality(), m.get("role").asText(), names.get(id), text(m, "customerNumber"));
        }
        directory.refresh(state, version, false);
        record(householdId, caseId, runId, persons);
        audit.recordAs(actor, "migrate-household", caseId, null);
        audit.recordAllAs(actor, "migrate-person", persons.values().stream().map(p -> new AuditTrail.Subject(caseId, p)).toList());
        return new Result(householdId, Status.MIGRATED, caseId, persons, List.of());
    }

    /**
     * A command with its business date and its rank among the commands of the same day: opening, joining, moving (the new
     * town's case workers come after the move), case workers, facts, unemployment starting and ending, leaving, closing.
     */
    private record Dated(LocalDate on, int rank, int seq, CaseCommand command) {
    }

    /** With {@code seal} the personal data is encrypted under the persons' keys (created now); without, a placeholder. */
    private List<Dated> commands(JsonNode h, String caseId, Map<String, UUID> persons, Map<UUID, PersonalData> names, boolean seal) {
        List<Dated> out = new ArrayList<>();
        int[] seq = {0};
        java.util.function.BiConsumer<LocalDate, Map.Entry<Integer, CaseCommand>> add =
                (on, c) -> out.add(new Dated(on, c.getKey(), seq[0]++, c.getValue()));
        LocalDate opened = date(h.get("openedOn"));
        add.accept(opened, Map.entry(0, new CaseCommand.OpenCase(caseId, h.get("municipality").asText(), opened)));
        for (JsonNode m : h.get("members")) {
            UUID id = persons.get(m.get("personId").asText());
            LocalDate birth = date(m.get("birthDate"));
            LocalDate joined = date(m.get("joinedOn"));
            PersonalData data = new PersonalData(m.get("firstName").asText(), m.get("lastName").asText(), birth, text(m, "address"),
                    text(m, "phone"), text(m, "email"), text(m, "insuranceNumber"));
            names.put(id, data);
            add.accept(joined, Map.entry(1, new CaseCommand.RegisterPerson(id, PersonRole.valueOf(m.get("role").asText()), birth,
                    Sex.valueOf(m.get("sex").asText()), m.get("employable").asBoolean(), m.path("singleParent").asBoolean(false), joined,
                    text(m, "customerNumber"), seal ? vault.encrypt(id, data) : UNSEALED)));
            for (JsonNode e : m.path("employability")) {
                add.accept(date(e.get("from")), Map.entry(4, new CaseCommand.ChangeEmployability(id, e.get("employable").asBoolean(),
                        date(e.get("from")), EmployabilityBasis.valueOf(e.get("basis").asText()))));
            }
            for (JsonNode u : m.path("unemployment")) {
                add.accept(date(u.get("from")), Map.entry(5, new CaseCommand.StartUnemployment(id, date(u.get("from")), null)));
                if (u.has("to")) {
                    add.accept(date(u.get("to")), Map.entry(6, new CaseCommand.EndUnemployment(id, date(u.get("to")), null)));
                }
            }
            for (JsonNode c : m.path("circumstances")) {
                HealthFacts health = new HealthFacts(c.has("expectedDelivery") ? date(c.get("expectedDelivery")) : null,
                        c.has("deliveredOn") ? date(c.get("deliveredOn")) : null, c.path("disabledWithIntegrationHelp").asBoolean(false),
                        c.path("disabilityMarkG").asBoolean(false), c.has("costlyDiet") ? c.get("costlyDiet").decimalValue() : BigDecimal.ZERO);
                add.accept(date(c.get("from")), Map.entry(4, new CaseCommand.RecordCircumstances(id, date(c.get("from")), List.of(), null,
                        c.path("inEducation").asBoolean(false), false, false, health, seal ? vault.encrypt(id, health) : UNSEALED)));
            }
            for (JsonNode in : m.path("incomes")) {
                // declared when the month begins, or on joining in the middle of it (only a member declares an income)
                YearMonth from = YearMonth.parse(in.get("fromMonth").asText());
                LocalDate on = from.atDay(1).isBefore(joined) ? joined : from.atDay(1);
                add.accept(on, Map.entry(4, new CaseCommand.DeclareIncome(id, IncomeKind.valueOf(in.get("kind").asText()), from,
                        in.has("toMonth") ? YearMonth.parse(in.get("toMonth").asText()) : null, in.get("gross").decimalValue(),
                        in.get("net").decimalValue(), in.has("socialContributions") ? in.get("socialContributions").decimalValue() : BigDecimal.ZERO,
                        in.path("earnedBeforeBirth").asBoolean(false))));
            }
            if (m.has("leftOn")) {
                add.accept(date(m.get("leftOn")), Map.entry(8, new CaseCommand.LeaveCase(id, date(m.get("leftOn")), null)));
            }
        }
        // the dwelling's costs after the day's joins and departures (rank 8, added after them): its size counts who lives there
        for (JsonNode x : h.path("housing")) {
            add.accept(date(x.get("from")), Map.entry(8, new CaseCommand.DeclareHousingCosts(date(x.get("from")), x.get("rent").decimalValue(),
                    x.get("heating").decimalValue(), x.has("utilities") ? x.get("utilities").decimalValue() : BigDecimal.ZERO,
                    x.get("householdSize").asInt(), x.has("livingSpace") ? x.get("livingSpace").decimalValue() : null,
                    x.path("decentralHotWater").asBoolean(false))));
        }
        for (JsonNode c : h.path("caseworkers")) {
            add.accept(date(c.get("from")), Map.entry(3, new CaseCommand.AssignCaseworker(c.get("caseworkerId").asText(),
                    CaseworkerFunction.valueOf(c.get("function").asText()), date(c.get("from")))));
        }
        for (JsonNode mv : h.path("moves")) {
            add.accept(date(mv.get("on")), Map.entry(2, new CaseCommand.MoveCase(mv.get("to").asText(), date(mv.get("on")))));
        }
        if (h.has("closedOn")) {
            add.accept(date(h.get("closedOn")), Map.entry(9, new CaseCommand.CloseCase(date(h.get("closedOn")),
                    h.has("closeReason") ? h.get("closeReason").asText() : "migrated: closed in the old system")));
        }
        out.sort(Comparator.comparing(Dated::on).thenComparingInt(Dated::rank).thenComparingInt(Dated::seq));
        return out;
    }

    private Map<String, Result> migrated(List<String> householdIds) {
        Map<String, Result> out = new java.util.HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select household_id, case_id, persons::text from migrated_household where household_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", householdIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, UUID> persons = new LinkedHashMap<>();
                    JsonNode p = de.auseinerhand.events.EventCodec.instance().mapper().readTree(rs.getString(3));
                    p.fields().forEachRemaining(e -> persons.put(e.getKey(), UUID.fromString(e.getValue().asText())));
                    out.put(rs.getString(1), new Result(rs.getString(1), Status.ALREADY_MIGRATED, rs.getString(2), persons, List.of()));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("reading migrated households failed", e);
        }
        return out;
    }

    private void record(String householdId, String caseId, String runId, Map<String, UUID> persons) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into migrated_household (household_id, case_id, run_id, migrated_at, persons) values (?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, householdId);
            ps.setString(2, caseId);
            ps.setString(3, runId);
            ps.setTimestamp(4, Timestamp.from(Instant.now(clock)));
            ps.setString(5, de.auseinerhand.events.EventCodec.instance().mapper().writeValueAsString(persons));
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new AlreadyMigrated();
            }
            throw new IllegalStateException("recording migrated household " + householdId + " failed", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("recording migrated household " + householdId + " failed", e);
        }
    }

    /** Another run recorded the household between the check and the write; this transaction rolls back. */
    static final class AlreadyMigrated extends RuntimeException {
        AlreadyMigrated() {
            super("migrated by another run", null, false, false);
        }
    }

    private static LocalDate date(JsonNode n) {
        return LocalDate.parse(n.asText());
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
