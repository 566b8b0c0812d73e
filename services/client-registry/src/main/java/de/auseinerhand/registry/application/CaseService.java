package de.auseinerhand.registry.application;

import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.registry.domain.CaseCommand;
import de.auseinerhand.registry.domain.CaseDecider;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.registry.infrastructure.CaseNumbers;
import de.auseinerhand.registry.infrastructure.PersonKeyVault;
import de.auseinerhand.registry.infrastructure.PersonalData;
import de.auseinerhand.servicekit.problem.FieldError;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.rest.RequestMetadata;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Use cases on cases: one transaction each. Municipality scoping happens here, on the loaded state:
 * a case outside the caller's municipalities is reported exactly like a missing one.
 */
@ApplicationScoped
public class CaseService {

    private final CaseDecider decider = new CaseDecider();

    @Inject
    EventStore store;

    @Inject
    Caller caller;

    @Inject
    District district;

    @Inject
    CaseNumbers numbers;

    @Inject
    PersonKeyVault vault;

    @Inject
    RequestMetadata request;

    public static String streamId(String caseId) {
        return "case-" + caseId;
    }

    @Transactional
    public Loaded<CaseState> open(String municipality, LocalDate openedOn) {
        if (!district.contains(municipality)) {
            throw ValidationFailedException.of("municipality", "is not a municipality of " + district.name());
        }
        if (!caller.mayAccess(municipality)) {
            throw new ProblemException(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "you do not work for municipality " + municipality, null, null,
                    List.of(new FieldError("municipality", "not one of your municipalities"))));
        }
        String caseId = numbers.next(municipality);
        LocalDate date = openedOn == null ? LocalDate.now() : openedOn;
        store.handle(streamId(caseId), 0L, new CaseCommand.OpenCase(caseId, municipality, date), decider, caseId,
                CaseState::municipality, request.eventMetadata());
        return store.load(streamId(caseId), decider);
    }

    @Transactional
    public UUID registerPerson(String caseId, Long expectedVersion, PersonRegistration r) {
        Loaded<CaseState> loaded = visible(caseId);
        UUID personId = UUID.randomUUID();
        var pii = vault.encrypt(personId, new PersonalData(r.firstName(), r.lastName(), r.birthDate(), r.address(),
                r.phone(), r.email(), r.insuranceNumber()));
        LocalDate effectiveFrom = r.effectiveFrom() == null ? loaded.state().openedOn() : r.effectiveFrom();
        store.handle(streamId(caseId), loaded, expectedVersion,
                new CaseCommand.RegisterPerson(personId, r.role(), r.birthDate(), r.sex(), r.employable(),
                        r.singleParent(), effectiveFrom, r.customerNumber(), pii),
                decider, caseId, CaseState::municipality, request.eventMetadata());
        return personId;
    }

    @Transactional
    public Loaded<CaseState> get(String caseId) {
        return visible(caseId);
    }

    public java.util.Optional<PersonalData> personalData(CaseState.Member m) {
        return vault.decrypt(m.personId(), m.pii());
    }

    private Loaded<CaseState> visible(String caseId) {
        if (caseId == null || !caseId.matches("BG-[0-9]{8}-[0-9]{6}")) {
            throw ProblemException.notFound();
        }
        Loaded<CaseState> loaded = store.load(streamId(caseId), decider);
        if (!loaded.exists() || !caller.mayAccess(loaded.state().municipality())) {
            throw ProblemException.notFound();
        }
        return loaded;
    }

    /** The facts of a new member as the API received them. */
    public record PersonRegistration(de.auseinerhand.events.registry.PersonRole role, String firstName,
            String lastName, LocalDate birthDate, de.auseinerhand.events.registry.Sex sex, boolean employable,
            boolean singleParent, LocalDate effectiveFrom, String customerNumber, String address, String phone,
            String email, String insuranceNumber) {
    }
}
