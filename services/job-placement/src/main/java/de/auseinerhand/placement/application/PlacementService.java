package de.auseinerhand.placement.application;

import java.time.Clock;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.placement.domain.client.MemberFacts;
import de.auseinerhand.placement.domain.client.PlacementCommand;
import de.auseinerhand.placement.domain.client.PlacementDecider;
import de.auseinerhand.placement.domain.client.PlacementState;
import de.auseinerhand.placement.infrastructure.QueryTables;
import de.auseinerhand.registryview.KnownCase;
import de.auseinerhand.registryview.KnownPerson;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.rest.RequestMetadata;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Use cases on a case's placement file (stream {@code placement-<caseId>}), one transaction each:
 * scope check against this service's view of the registry (404 outside the caller's municipalities,
 * exactly as for an unknown case), decide, append, refresh the query tables, audit.
 */
@ApplicationScoped
public class PlacementService {

    private final PlacementDecider decider = new PlacementDecider();

    @Inject
    Clock clock;

    @Inject
    EventStore store;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    QueryTables tables;

    @Inject
    RequestMetadata request;

    @Inject
    BenefitsView benefits;

    public static String streamId(String caseId) {
        return "placement-" + caseId;
    }

    /** A command about one person of the case; {@code expectedVersion} null acts on the current version. */
    @Transactional
    public Loaded<PlacementState> execute(String operation, String caseId, UUID personId, Long expectedVersion,
            Function<MemberFacts, PlacementCommand> command) {
        KnownCase known = visibleCase(caseId);
        MemberFacts member = member(caseId, personId);
        Loaded<PlacementState> loaded = store.load(streamId(caseId), decider);
        PlacementCommand cmd = command.apply(member);
        List<StoredEvent> stored = store.handle(streamId(caseId), loaded, expectedVersion, cmd, decider, caseId,
                s -> known.municipality, request.eventMetadata());
        PlacementState state = loaded.state();
        for (StoredEvent e : stored) {
            state = decider.evolve(state, e.data());
        }
        long version = stored.isEmpty() ? loaded.version() : stored.get(stored.size() - 1).envelope().streamversion();
        tables.client(caseId, state.client(personId));
        audit.record(operation, caseId, personId);
        return new Loaded<>(state, version);
    }

    /** The placement file of a case (a read of personal data: audited). */
    @Transactional
    public CaseFile view(String caseId) {
        KnownCase known = visibleCase(caseId);
        Loaded<PlacementState> loaded = store.load(streamId(caseId), decider);
        audit.record("read-placement", caseId, null);
        return new CaseFile(known, KnownPerson.list("caseId = ?1 order by joinedOn, personId", caseId), loaded,
                benefits.of(caseId));
    }

    /** The case, its members as the registry view knows them, its placement file and what is known of its benefits. */
    public record CaseFile(KnownCase known, List<KnownPerson> members, Loaded<PlacementState> placement,
            BenefitsView.Benefits benefits) {
    }

    public KnownCase visibleCase(String caseId) {
        KnownCase c = caseId == null ? null : KnownCase.findById(caseId);
        if (c == null || !caller.mayAccess(c.municipality)) {
            throw ProblemException.notFound();
        }
        return c;
    }

    /** A person of this case (404 for anyone else), with what the rules need to know about them. */
    public MemberFacts member(String caseId, UUID personId) {
        KnownPerson p = personId == null ? null : KnownPerson.findById(personId);
        if (p == null || !caseId.equals(p.caseId)) {
            throw ProblemException.notFound();
        }
        KnownCase c = KnownCase.findById(caseId);
        java.time.LocalDate today = LocalDate.now(clock);
        boolean current = (p.leftOn == null || p.leftOn.isAfter(today)) && !p.erased
                && (c.closedOn == null || c.closedOn.isAfter(today));
        return new MemberFacts(personId, current, p.employableIn(java.time.YearMonth.from(today)));
    }
}
