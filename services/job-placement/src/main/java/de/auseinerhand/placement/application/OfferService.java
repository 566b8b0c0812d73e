package de.auseinerhand.placement.application;

import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.placement.domain.offer.OfferCommand;
import de.auseinerhand.placement.domain.offer.OfferDecider;
import de.auseinerhand.placement.domain.offer.OfferState;
import de.auseinerhand.placement.infrastructure.QueryTables;
import de.auseinerhand.placement.infrastructure.ReferenceData;
import de.auseinerhand.servicekit.problem.FieldError;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.rest.RequestMetadata;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Job offers, one stream each ({@code offer-<offerId>}, also the Kafka key: an offer belongs to no case).
 * Offers are job advertisements, not social data: every case worker of the district reads them (a
 * client may work in the next town); only staff of the offer's municipality publish and close them,
 * and to everyone else an offer they cannot change answers 404 on change.
 */
@ApplicationScoped
public class OfferService {

    private final OfferDecider decider = new OfferDecider();

    @Inject
    EventStore store;

    @Inject
    Caller caller;

    @Inject
    ReferenceData reference;

    @Inject
    QueryTables tables;

    @Inject
    EmployerService employers;

    @Inject
    RequestMetadata request;

    public static String streamId(UUID offerId) {
        return "offer-" + offerId;
    }

    @Transactional
    public Loaded<OfferState> publish(OfferCommand.Publish command) {
        if (reference.places().find(command.municipality()).isEmpty()) {
            throw ValidationFailedException.of("municipality", "is not a municipality of the district");
        }
        if (!caller.mayAccess(command.municipality())) {
            throw new ProblemException(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "you do not work for municipality " + command.municipality(), null, null,
                    List.of(new FieldError("municipality", "not one of your municipalities"))));
        }
        if (!employers.exists(command.employerId())) {
            throw new CommandRejected("employer-unknown", "employerId", "register the employer first (POST /api/v1/employers)");
        }
        return append(command.offerId(), new Loaded<>(decider.initialState(), 0), 0L, command);
    }

    @Transactional
    public Loaded<OfferState> close(UUID offerId, long expectedVersion, OfferCommand.Close command) {
        Loaded<OfferState> loaded = get(offerId);
        if (!caller.mayAccess(loaded.state().municipality())) {
            throw ProblemException.notFound();
        }
        return append(offerId, loaded, expectedVersion, command);
    }

    public Loaded<OfferState> get(UUID offerId) {
        Loaded<OfferState> loaded = offerId == null ? new Loaded<>(OfferState.NONE, 0) : store.load(streamId(offerId), decider);
        if (!loaded.exists()) {
            throw ProblemException.notFound();
        }
        return loaded;
    }

    private Loaded<OfferState> append(UUID offerId, Loaded<OfferState> loaded, long expectedVersion, OfferCommand cmd) {
        String stream = streamId(offerId);
        List<StoredEvent> stored = store.handle(stream, loaded, expectedVersion, cmd, decider, stream,
                OfferState::municipality, request.eventMetadata());
        OfferState state = loaded.state();
        for (StoredEvent e : stored) {
            state = decider.evolve(state, e.data());
        }
        long version = stored.isEmpty() ? loaded.version() : stored.get(stored.size() - 1).envelope().streamversion();
        tables.offer(state, version);
        return new Loaded<>(state, version);
    }
}
