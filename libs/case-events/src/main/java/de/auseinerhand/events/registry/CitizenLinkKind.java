package de.auseinerhand.events.registry;

/**
 * How a citizen's account came to a case: {@code APPLICATION} when the citizen opened the case through a portal,
 * {@code ACTIVATION_CODE} when they entered the one-time code a case worker issued for the household after checking
 * their identity.
 */
public enum CitizenLinkKind {
    APPLICATION,
    ACTIVATION_CODE
}
