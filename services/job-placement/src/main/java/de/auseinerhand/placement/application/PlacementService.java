package de.auseinerhand.placement.application;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.PlacementTexts;
import de.auseinerhand.servicekit.keys.PersonKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
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

    @Inject
    PersonKeys keys;

    /**
     * The case's placement file: its events with their free texts decrypted (one key lookup for the stream), folded. Texts
     * of a person whose key was erased are gone (empty lists, null).
     */
    private Loaded<PlacementState> load(String caseId) {
        List<StoredEvent> events = store.readStream(streamId(caseId));
        List<Map.Entry<UUID, EncryptedPii>> sealed = new ArrayList<>();
        for (StoredEvent e : events) {
            EncryptedPii pii = SealedTexts.piiOf(e.data());
            if (pii != null) {
                sealed.add(Map.entry(SealedTexts.personOf(e.data()), pii));
            }
        }
        List<PlacementTexts> texts = sealed.isEmpty() ? List.of() : keys.decryptEach(sealed, PlacementTexts.class);
        PlacementState state = decider.initialState();
        int i = 0;
        for (StoredEvent e : events) {
            EventData data = e.data();
            if (SealedTexts.piiOf(data) != null) {
                data = SealedTexts.open(data, texts.get(i++));
            }
            state = decider.evolve(state, data);
        }
        return new Loaded<>(state, events.isEmpty() ? 0 : events.get(events.size() - 1).envelope().streamversion());
    }

    public static String streamId(String caseId) {
        return "placement-" + caseId;
    }

    /** A command about one person of the case; {@code expectedVersion} null acts on the current version. */
    @Transactional
    public Loaded<PlacementState> execute(String operation, String caseId, UUID personId, Long expectedVersion,
            Function<MemberFacts, PlacementCommand> command) {
        KnownCase known = visibleCase(caseId);
        MemberFacts member = member(caseId, personId);
        Loaded<PlacementState> loaded = load(caseId);
        PlacementCommand cmd = command.apply(member);
        SealingDecider sealing = new SealingDecider(decider, keys);
        List<StoredEvent> stored = store.handle(streamId(caseId), loaded, expectedVersion, cmd, sealing, caseId,
                s -> known.municipality, request.eventMetadata());
        PlacementState state = loaded.state();
        for (EventData e : sealing.decidedInPlain()) {
            state = decider.evolve(state, e);
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
        Loaded<PlacementState> loaded = load(caseId);
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
        if (c == null) {
            throw ProblemException.notFound();
        }
        if (!caller.mayAccess(c.municipality)) {
            audit.recordDenied(caseId);
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
