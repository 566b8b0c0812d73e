package de.auseinerhand.placement.domain.client;

import java.util.UUID;

/** What the registry says about a person of the case at the time of the command (from the registry view). */
public record MemberFacts(UUID personId, boolean currentMember, boolean employable) {
}
