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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public enum Status { MIGRATED, ALREADY_MIGRATED, REJECTED }

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
        return UUID.nameUUIDFromBytes(("aeh-migration/person/" + householdId + "/" + legacyPersonId).getBytes(StandardCharsets.UTF_8));
    }

    /** Each household in a transaction of its own; the cut-over day is today. */
    public List<Result> importAll(String runId, List<JsonNode> households) {
        HouseholdValidator validator = new HouseholdValidator(
                district.municipalities().stream().map(m -> m.ags()).collect(Collectors.toSet()), LocalDate.now(clock));
        List<Result> out = new ArrayList<>();
        for (JsonNode h : households) {
            String id = h.path("householdId").isTextual() ? h.get("householdId").asText() : null;
            List<Problem> problems = validator.validate(h);
            if (!problems.isEmpty()) {
                out.add(new Result(id, Status.REJECTED, null, null, problems));
                continue;
            }
            Optional<Result> before = migrated(id);
            if (before.isPresent()) {
                out.add(before.get());
                continue;
            }
            try {
                out.add(QuarkusTransaction.requiringNew().call(() -> write(runId, h)));
            } catch (AlreadyMigrated e) {
                // a run in parallel took it first
                out.add(migrated(id).orElseThrow());
            } catch (CommandRejected e) {
                out.add(new Result(id, Status.REJECTED, null, null,
                        List.of(new Problem(e.field() == null ? "(household)" : e.field(), e.getMessage()))));
            }
        }
        return out;
    }

    private Result write(String runId, JsonNode h) {
        String householdId = h.get("householdId").asText();
        Map<String, UUID> persons = new LinkedHashMap<>();
        for (JsonNode m : h.get("members")) {
            persons.put(m.get("personId").asText(), personId(householdId, m.get("personId").asText()));
        }
        String caseId = numbers.next(h.get("municipality").asText());
        Map<UUID, PersonalData> names = new LinkedHashMap<>();
        List<Dated> commands = commands(h, caseId, persons, names);

        CaseState state = decider.initialState();
        List<NewEvent> events = new ArrayList<>();
        for (Dated d : commands) {
            for (EventData e : decider.decide(d.command(), state)) {
                EventTypes.of(e);
                state = decider.evolve(state, e);
                events.add(new NewEvent(e, caseId, state.municipality()));
            }
        }
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
        for (UUID p : persons.values()) {
            audit.recordAs(actor, "migrate-person", caseId, p);
        }
        return new Result(householdId, Status.MIGRATED, caseId, persons, List.of());
    }

    /**
     * A command with its business date and its rank among the commands of the same day: opening, joining, moving (the new
     * town's case workers come after the move), case workers, facts, unemployment starting and ending, leaving, closing.
     */
    private record Dated(LocalDate on, int rank, int seq, CaseCommand command) {
    }

    private List<Dated> commands(JsonNode h, String caseId, Map<String, UUID> persons, Map<UUID, PersonalData> names) {
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
                    text(m, "customerNumber"), vault.encrypt(id, data))));
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
                        c.path("inEducation").asBoolean(false), false, false, health, vault.encrypt(id, health))));
            }
            if (m.has("leftOn")) {
                add.accept(date(m.get("leftOn")), Map.entry(8, new CaseCommand.LeaveCase(id, date(m.get("leftOn")), null)));
            }
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

    private Optional<Result> migrated(String householdId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select case_id, persons::text from migrated_household where household_id = ?")) {
            ps.setString(1, householdId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, UUID> persons = new LinkedHashMap<>();
                JsonNode p = de.auseinerhand.events.EventCodec.instance().mapper().readTree(rs.getString(2));
                p.fields().forEachRemaining(e -> persons.put(e.getKey(), UUID.fromString(e.getValue().asText())));
                return Optional.of(new Result(householdId, Status.ALREADY_MIGRATED, rs.getString(1), persons, List.of()));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("reading migrated households failed", e);
        }
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
