package de.auseinerhand.placement.application;

import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.placement.domain.employer.EmployerDecider;
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

/** Employers, one stream each ({@code employer-<employerId>}); readable district-wide like offers, registered by staff of their municipality. */
@ApplicationScoped
public class EmployerService {

    private final EmployerDecider decider = new EmployerDecider();

    @Inject
    EventStore store;

    @Inject
    Caller caller;

    @Inject
    ReferenceData reference;

    @Inject
    RequestMetadata request;

    public static String streamId(UUID employerId) {
        return "employer-" + employerId;
    }

    @Transactional
    public Loaded<EmployerDecider.State> register(String name, String municipality, String industryCode) {
        if (reference.places().find(municipality).isEmpty()) {
            throw ValidationFailedException.of("municipality", "is not a municipality of the district");
        }
        if (!caller.mayAccess(municipality)) {
            throw new ProblemException(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "you do not work for municipality " + municipality, null, null,
                    List.of(new FieldError("municipality", "not one of your municipalities"))));
        }
        UUID id = UUID.randomUUID();
        String stream = streamId(id);
        Loaded<EmployerDecider.State> none = new Loaded<>(decider.initialState(), 0);
        List<StoredEvent> stored = store.handle(stream, none, 0L, new EmployerDecider.Register(id, name, municipality, industryCode),
                decider, stream, EmployerDecider.State::municipality, request.eventMetadata());
        EmployerDecider.State s = decider.initialState();
        for (StoredEvent e : stored) {
            s = decider.evolve(s, e.data());
        }
        return new Loaded<>(s, stored.size());
    }

    public Loaded<EmployerDecider.State> get(UUID employerId) {
        Loaded<EmployerDecider.State> loaded = employerId == null ? new Loaded<>(EmployerDecider.State.NONE, 0)
                : store.load(streamId(employerId), decider);
        if (!loaded.exists()) {
            throw ProblemException.notFound();
        }
        return loaded;
    }

    public boolean exists(UUID employerId) {
        return employerId != null && store.currentVersion(streamId(employerId)) > 0;
    }
}
