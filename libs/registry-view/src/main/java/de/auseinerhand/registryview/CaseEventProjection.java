package de.auseinerhand.registryview;

import de.auseinerhand.events.EventEnvelope;

/**
 * A service's own projection of {@code case-events}, applied by {@link RegistryViewConsumer} after
 * the registry view, in the same transaction as the inbox entry and the checkpoint: either every
 * projection of a record is written or none is.
 */
public interface CaseEventProjection {
    void apply(EventEnvelope envelope);
}
