package de.auseinerhand.events.placement;

import de.auseinerhand.events.EncryptedPii;
import java.util.UUID;

/** A placement event that may carry free texts about {@code personId}, sealed in {@code pii} with that person's key. */
public interface PersonTexts {
    UUID personId();

    EncryptedPii pii();
}
