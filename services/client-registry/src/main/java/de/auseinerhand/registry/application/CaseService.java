package de.auseinerhand.registry.application;

import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.registry.domain.CaseCommand;
import de.auseinerhand.registry.domain.CaseDecider;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.registry.infrastructure.CaseDirectory;
import de.auseinerhand.registry.infrastructure.CaseNumbers;
import de.auseinerhand.servicekit.keys.PersonKeys;
import de.auseinerhand.events.registry.CircumstancesRecorded;
import de.auseinerhand.events.registry.HealthFacts;
import de.auseinerhand.registry.infrastructure.PersonalData;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.FieldError;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.rest.RequestMetadata;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.OperationPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Use cases on cases, one transaction each: scope check, decide, append, refresh the search
 * directory, audit. A case outside the caller's municipalities is reported exactly like a missing one.
 */
@ApplicationScoped
public class CaseService {

    private final CaseDecider decider = new CaseDecider();

    @Inject
    Clock clock;

    @Inject
    EventStore store;

    @Inject
    Caller caller;

    @Inject
    District district;

    @Inject
    CaseNumbers numbers;

    @Inject
    PersonKeys vault;

    @Inject
    CaseDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    OperationPolicy policy;

    @Inject
    RequestMetadata request;

    @Inject
    ActivationCodes activationCodes;

    public static String streamId(String caseId) {
        return "case-" + caseId;
    }

    @Transactional
    public Loaded<CaseState> open(String municipality, LocalDate openedOn) {
        policy.check("open-case");
        if (!district.contains(municipality)) {
            throw ValidationFailedException.of("municipality", "is not a municipality of " + district.name());
        }
        boolean citizen = caller.isCitizen();
        LocalDate today = LocalDate.now(clock);
        if (citizen) {
            // a citizen applies where they live, on the day they apply, and has one open case at a time
            if (openedOn != null && !openedOn.equals(today)) {
                throw ValidationFailedException.of("openedOn", "is the day of the application (" + today + ") when a citizen applies through a portal; leave it out");
            }
            if (directory.hasOpenCaseOf(caller.citizenId())) {
                throw new de.auseinerhand.eventstore.CommandRejected("citizen-has-open-case", null,
                        "your account is linked to an open case already; report changes there");
            }
        } else if (!caller.mayAccess(municipality)) {
            throw new ProblemException(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "you do not work for municipality " + municipality, null, null,
                    List.of(new FieldError("municipality", "not one of your municipalities"))));
        }
        String caseId = numbers.next(municipality);
        LocalDate date = openedOn == null ? today : openedOn;
        Loaded<CaseState> none = new Loaded<>(decider.initialState(), 0);
        Loaded<CaseState> after = append(caseId, none, 0L,
                new CaseCommand.OpenCase(caseId, municipality, date, citizen ? caller.citizenId() : null));
        audit.record("open-case", caseId, null);
        return after;
    }

    /**
     * Registers a member. With {@code existingPersonId} a person known to the registry joins this case
     * (a move between cases); they must not be a current member of another open case.
     */
    /** The new member's id and the case right after registering. */
    public record Registration(UUID personId, Loaded<CaseState> caseAfter) {
    }

    @Transactional
    public Registration registerPerson(String caseId, long expectedVersion, UUID existingPersonId, PersonRegistration r) {
        policy.check("register-person");
        Loaded<CaseState> loaded = visible(caseId);
        UUID personId = existingPersonId == null ? UUID.randomUUID() : existingPersonId;
        if (existingPersonId != null) {
            Optional<CaseDirectory.Placement> placed = directory.placementOf(existingPersonId);
            if (placed.isEmpty() || !caller.mayAccess(placed.get().municipality())) {
                throw ValidationFailedException.of("personId", "no such person");
            }
            if (placed.get().currentMember() && placed.get().caseOpen() && !placed.get().caseId().equals(caseId)) {
                throw new de.auseinerhand.eventstore.CommandRejected("person-in-other-case", "personId",
                        "the person is a current member of another open case; record leaving it first");
            }
        }
        PersonalData data = new PersonalData(r.firstName(), r.lastName(), r.birthDate(), r.address(), r.phone(),
                r.email(), r.insuranceNumber());
        var pii = vault.encrypt(personId, data);
        LocalDate effectiveFrom = r.effectiveFrom() == null ? loaded.state().openedOn() : r.effectiveFrom();
        Loaded<CaseState> after = append(caseId, loaded, expectedVersion,
                new CaseCommand.RegisterPerson(personId, r.role(), r.birthDate(), r.sex(), r.employable(),
                        r.singleParent(), effectiveFrom, r.customerNumber(), pii));
        directory.placePerson(personId, caseId, after.state().municipality(), r.role().name(), data, r.customerNumber());
        audit.record("register-person", caseId, personId);
        return new Registration(personId, after);
    }

    /** Any other command on an existing case, by operation name (for the portal policy and the audit). */
    @Transactional
    public Loaded<CaseState> execute(String operation, String caseId, long expectedVersion, UUID personId,
            Function<CaseState, CaseCommand> command) {
        policy.check(operation);
        Loaded<CaseState> loaded = visible(caseId);
        CaseCommand cmd = command.apply(loaded.state());
        if (cmd instanceof CaseCommand.MoveCase move && !district.contains(move.toMunicipality())) {
            throw ValidationFailedException.of("toMunicipality", "is not a municipality of " + district.name());
        }
        Loaded<CaseState> after = append(caseId, loaded, expectedVersion, cmd);
        if (cmd instanceof CaseCommand.EraseCaseMemberData erase) {
            vault.erase(erase.personId());
            directory.erase(erase.personId());
        }
        audit.record(operation, caseId, personId);
        return after;
    }

    /**
     * Records a member's circumstances from a date; the health facts are encrypted with the person's key in the same
     * transaction (a key is never created for a person who is not a member: the rules reject first).
     */
    @Transactional
    public Loaded<CaseState> recordCircumstances(String caseId, long expectedVersion, UUID personId, Circumstances in) {
        return execute("record-circumstances", caseId, expectedVersion, personId, s -> {
            CaseState.Member m = s.members().get(personId);
            if (m != null && m.erased()) {
                throw new de.auseinerhand.eventstore.CommandRejected("person-erased", "personId", "the person's data was erased");
            }
            HealthFacts health = in.health() == null ? HealthFacts.NONE : in.health();
            return new CaseCommand.RecordCircumstances(personId, in.effectiveFrom(), in.parentIds(), in.singleParent(), in.inEducation(),
                    in.movedOutWithoutConsent(), in.minorChildOutsideCase(), health, m == null ? null : vault.encrypt(personId, health));
        });
    }

    /** One recording of a member's circumstances as staff read it back (health facts decrypted; none once erased). */
    public record CircumstancesRecord(long version, java.time.Instant recordedAt, CircumstancesRecorded recorded, HealthFacts health,
            boolean healthErased) {
    }

    /** Every recording of the member's circumstances, oldest first; reading the health facts is audited. */
    @Transactional
    public List<CircumstancesRecord> circumstances(String caseId, UUID personId) {
        policy.check("read-circumstances");
        Loaded<CaseState> loaded = visible(caseId);
        if (!loaded.state().members().containsKey(personId)) {
            throw ProblemException.notFound();
        }
        audit.record("read-circumstances", caseId, personId);
        List<CircumstancesRecord> out = new java.util.ArrayList<>();
        for (StoredEvent e : store.readStream(streamId(caseId))) {
            if (e.data() instanceof CircumstancesRecorded r && r.personId().equals(personId)) {
                Optional<HealthFacts> h = vault.decrypt(personId, r.pii(), HealthFacts.class);
                out.add(new CircumstancesRecord(e.envelope().streamversion(), e.envelope().time(), r, h.orElse(null), h.isEmpty()));
            }
        }
        return out;
    }

    /** The circumstances as the API received them. */
    public record Circumstances(LocalDate effectiveFrom, List<UUID> parentIds, Boolean singleParent, boolean inEducation,
            boolean movedOutWithoutConsent, boolean minorChildOutsideCase, HealthFacts health) {
    }

    /** A read: no transaction needed; the audit record commits on its own before the answer leaves. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Loaded<CaseState> get(String caseId) {
        policy.check("read-case");
        Loaded<CaseState> loaded = visible(caseId);
        audit.record("read-case", caseId, null);
        return loaded;
    }

    @Transactional
    public List<StoredEvent> history(String caseId) {
        policy.check("read-case-history");
        visible(caseId);
        audit.record("read-case-history", caseId, null);
        return store.readStream(streamId(caseId));
    }

    /** The registry's part of a case file: the case as the caller may see it (404 otherwise) and its events; audited. */
    public record CaseFileSource(Loaded<CaseState> loaded, List<StoredEvent> events) {
    }

    @Transactional
    public CaseFileSource caseFileSource(String caseId) {
        policy.check("read-case-file");
        Loaded<CaseState> loaded = visible(caseId);
        audit.record("read-case-file", caseId, null);
        return new CaseFileSource(loaded, store.readStream(streamId(caseId)));
    }

    /** Health facts (§ 21 SGB II) of the given recordings, decrypted for this read only; erased ones are missing. */
    public java.util.Map<UUID, HealthFacts> healthFacts(java.util.Map<UUID, de.auseinerhand.events.EncryptedPii> sealed) {
        return vault.decryptAll(sealed, HealthFacts.class);
    }

    /** job-placement's sealed free texts (a profile's constraints), decrypted for this read only; erased ones are missing. */
    public java.util.Map<UUID, de.auseinerhand.events.placement.PlacementTexts> placementTexts(
            java.util.Map<UUID, de.auseinerhand.events.EncryptedPii> sealed) {
        return vault.decryptAll(sealed, de.auseinerhand.events.placement.PlacementTexts.class);
    }

    /** Decrypted personal data of the case's members (erased members have none). */
    public java.util.Map<UUID, PersonalData> personalData(CaseState s) {
        java.util.Map<UUID, de.auseinerhand.events.EncryptedPii> encrypted = new java.util.HashMap<>();
        s.members().values().stream().filter(m -> !m.erased() && m.pii() != null)
                .forEach(m -> encrypted.put(m.personId(), m.pii()));
        return vault.decryptAll(encrypted, PersonalData.class);
    }

    private Loaded<CaseState> append(String caseId, Loaded<CaseState> loaded, long expectedVersion, CaseCommand cmd) {
        List<StoredEvent> stored = store.handle(streamId(caseId), loaded, expectedVersion, cmd, decider, caseId,
                CaseState::municipality, request.eventMetadata());
        CaseState state = loaded.state();
        for (StoredEvent e : stored) {
            state = decider.evolve(state, e.data());
        }
        long version = stored.isEmpty() ? loaded.version() : stored.get(stored.size() - 1).envelope().streamversion();
        Loaded<CaseState> after = new Loaded<>(state, version);
        boolean citizensChanged = stored.stream().anyMatch(e -> e.data() instanceof de.auseinerhand.events.registry.CitizenLinked
                || e.data() instanceof de.auseinerhand.events.registry.CitizenUnlinked);
        directory.refresh(state, version, citizensChanged);
        return after;
    }

    private Loaded<CaseState> visible(String caseId) {
        if (caseId == null || !caseId.matches("BG-[0-9]{8}-[0-9]{6}")) {
            throw ProblemException.notFound();
        }
        Loaded<CaseState> loaded = store.load(streamId(caseId), decider);
        if (!loaded.exists()) {
            throw ProblemException.notFound();
        }
        boolean allowed = caller.isCitizen() ? loaded.state().linkedTo(caller.citizenId())
                : caller.mayAccess(loaded.state().municipality());
        if (!allowed) {
            audit.recordDenied(caseId);
            throw ProblemException.notFound();
        }
        return loaded;
    }

    /**
     * Issues a one-time activation code for the household (a case worker, after checking the citizen's identity): the
     * citizen enters it at a portal and their account is linked to the case. Earlier unused codes of the case lapse.
     */
    @Transactional
    public ActivationCodes.Issued issueActivationCode(String caseId) {
        policy.check("issue-activation-code");
        Loaded<CaseState> loaded = visible(caseId);
        if (!loaded.state().isOpen()) {
            throw new de.auseinerhand.eventstore.CommandRejected("case-not-open", null, "the case is closed");
        }
        ActivationCodes.Issued issued = activationCodes.issue(caseId, caller.actorId());
        audit.record("issue-activation-code", caseId, null);
        return issued;
    }

    /**
     * A citizen redeems an activation code: the code's case is linked to their account. Unknown, used and expired codes
     * are one answer (400 on {@code activationCode}), and each failed attempt is audited as {@code denied}.
     */
    @Transactional(dontRollbackOn = ValidationFailedException.class)
    public Loaded<CaseState> redeemActivationCode(String code) {
        policy.check("link-case");
        Optional<String> caseId = activationCodes.redeem(code, caller.actorId());
        if (caseId.isEmpty()) {
            audit.record("denied", null, null);
            throw ValidationFailedException.of("activationCode", "is not valid (unknown, used or expired)");
        }
        Loaded<CaseState> loaded = store.load(streamId(caseId.get()), decider);
        Loaded<CaseState> after = append(caseId.get(), loaded, loaded.version(),
                new CaseCommand.LinkCitizen(caller.citizenId(), de.auseinerhand.events.registry.CitizenLinkKind.ACTIVATION_CODE,
                        LocalDate.now(clock)));
        audit.record("link-case", caseId.get(), null);
        return after;
    }

    /** A case worker removes a citizen's account from the case. */
    @Transactional
    public Loaded<CaseState> unlinkCitizen(String caseId, long expectedVersion, String citizenId, String reason) {
        return execute("unlink-citizen", caseId, expectedVersion, null,
                s -> new CaseCommand.UnlinkCitizen(citizenId, LocalDate.now(clock), reason));
    }

    /** The cases linked to the calling citizen's account (a citizen's "my cases"). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseDirectory.CitizenCase> casesOfCitizen() {
        policy.check("read-case");
        List<CaseDirectory.CitizenCase> cases = directory.casesOf(caller.citizenId());
        audit.recordAll("list-own-cases", cases.stream().map(c -> new AuditTrail.Subject(c.caseId(), null)).toList());
        return cases;
    }

    /** The facts of a new member as the API received them. */
    public record PersonRegistration(de.auseinerhand.events.registry.PersonRole role, String firstName,
            String lastName, LocalDate birthDate, de.auseinerhand.events.registry.Sex sex, boolean employable,
            boolean singleParent, LocalDate effectiveFrom, String customerNumber, String address, String phone,
            String email, String insuranceNumber) {
    }
}
