package de.auseinerhand.eventstore;

/** The folded state of a stream and the version it was folded at (0 = no stream yet). */
public record Loaded<S>(S state, long version) {
    public boolean exists() {
        return version > 0;
    }
}
