package de.auseinerhand.placement.domain.employer;

import static de.auseinerhand.placement.domain.Rules.reject;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.EmployerRegistered;
import de.auseinerhand.eventstore.Decider;
import java.util.List;
import java.util.UUID;

/** Employers that publish offers: registered once, with a name, a municipality and optionally their WZ 2008 class. Pure. */
public final class EmployerDecider implements Decider<EmployerDecider.Register, EmployerDecider.State> {

    /** The only command: register the employer. */
    public record Register(UUID employerId, String name, String municipality, String industryCode) {
    }

    /** An employer as folded from {@code employer-<employerId>}. */
    public record State(UUID employerId, String name, String municipality, String industryCode) {
        public static final State NONE = new State(null, null, null, null);

        public boolean exists() {
            return employerId != null;
        }
    }

    @Override
    public State initialState() {
        return State.NONE;
    }

    @Override
    public List<EventData> decide(Register c, State s) {
        if (s.exists()) {
            throw reject("employer-exists", "employerId", "the employer is registered already");
        }
        if (c.name() == null || c.name().isBlank()) {
            throw reject("name-missing", "name", "an employer has a name");
        }
        if (c.industryCode() != null && !c.industryCode().matches("[0-9]{2}\\.[0-9]{1,2}")) {
            throw reject("invalid-industry-code", "industryCode", "a WZ 2008 class such as 87.10");
        }
        return List.of(new EmployerRegistered(c.employerId(), c.name().trim(), c.municipality(), c.industryCode()));
    }

    @Override
    public State evolve(State s, EventData event) {
        if (event instanceof EmployerRegistered e) {
            return new State(e.employerId(), e.name(), e.municipality(), e.industryCode());
        }
        return s;
    }
}
