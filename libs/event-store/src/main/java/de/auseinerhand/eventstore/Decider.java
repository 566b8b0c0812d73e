package de.auseinerhand.eventstore;

import de.auseinerhand.events.EventData;
import java.util.List;

/**
 * An aggregate as a pure function pair: {@code decide} turns a command and the current state into new
 * events (or throws {@link CommandRejected}), {@code evolve} folds one event into the state. No
 * framework types; tested given/when/then.
 */
public interface Decider<C, S> {
    S initialState();

    List<EventData> decide(C command, S state);

    S evolve(S state, EventData event);

    default S fold(List<EventData> events) {
        S state = initialState();
        for (EventData e : events) {
            state = evolve(state, e);
        }
        return state;
    }
}
