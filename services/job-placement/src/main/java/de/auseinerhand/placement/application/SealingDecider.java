package de.auseinerhand.placement.application;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.PlacementTexts;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.Decider;
import de.auseinerhand.placement.domain.client.PlacementCommand;
import de.auseinerhand.placement.domain.client.PlacementDecider;
import de.auseinerhand.placement.domain.client.PlacementState;
import de.auseinerhand.servicekit.keys.PersonKeys;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The placement decider for one command: what it decides is sealed before it is stored (the free texts encrypted with
 * the person's key, {@link SealedTexts}), and folding the sealed events it produced uses the plain ones it remembers.
 * A text about a person whose key is gone (erased) is refused: it could never be read, and must not be kept in plain.
 */
final class SealingDecider implements Decider<PlacementCommand, PlacementState> {

    private final PlacementDecider inner;
    private final PersonKeys keys;
    private final Map<EventData, EventData> plainOfSealed = new IdentityHashMap<>();
    private final List<EventData> decided = new ArrayList<>();

    SealingDecider(PlacementDecider inner, PersonKeys keys) {
        this.inner = inner;
        this.keys = keys;
    }

    @Override
    public PlacementState initialState() {
        return inner.initialState();
    }

    @Override
    public List<EventData> decide(PlacementCommand command, PlacementState state) {
        List<EventData> out = new ArrayList<>();
        for (EventData e : inner.decide(command, state)) {
            decided.add(e);
            PlacementTexts texts = SealedTexts.textsOf(e);
            if (texts == null) {
                out.add(e);
                continue;
            }
            UUID person = SealedTexts.personOf(e);
            EncryptedPii pii = keys.encryptWithExisting(person, texts).orElseThrow(() -> new CommandRejected("person-data-erased",
                    "personId", "the person's data was erased (or never registered): nothing about them can be recorded"));
            EventData sealed = SealedTexts.seal(e, pii);
            plainOfSealed.put(sealed, e);
            out.add(sealed);
        }
        return out;
    }

    @Override
    public PlacementState evolve(PlacementState state, EventData event) {
        return inner.evolve(state, plainOfSealed.getOrDefault(event, event));
    }

    /** The events of the last {@link #decide}, with their texts in plain (for the state and the query tables). */
    List<EventData> decidedInPlain() {
        return List.copyOf(decided);
    }
}
