package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's circumstances that change the amount, from {@code effectiveFrom} until the next recording for the same
 * person (each recording states the whole set; a correction is a new recording with the same date).
 * <p>
 * The health facts ({@link HealthFacts}: pregnancy, disability, mark G, a costly diet) are special categories of personal
 * data (Art. 9 GDPR) and travel only inside {@code pii}, encrypted with the person's key: erasing the key erases them from
 * every copy. {@code pii} is present in every recording, also when there is no health fact, so that its presence says
 * nothing. Everything else is not identifying on its own and is needed as it is.
 *
 * @param parentIds              the person's parents among the members (parent-child links, § 7(3) Nr. 4, § 21(3));
 *                               empty: the head and the partner
 * @param singleParent           recorded single parent (§ 21(3)): null = derived from the members (a head or partner living
 *                               without a partner with their minor children), true/false = as recorded where the members
 *                               cannot show it
 * @param inEducation            in school, vocational training or studies (§ 11b(2b), § 7(5))
 * @param movedOutWithoutConsent under 25 and moved out of the parents' home without the agency's consent (§ 20(3))
 * @param minorChildOutsideCase  has a minor child who lives elsewhere (§ 11b(3) S. 3)
 */
@CaseEventType(domain = "registry", name = "circumstances-recorded")
public record CircumstancesRecorded(
        UUID personId,
        LocalDate effectiveFrom,
        List<UUID> parentIds,
        @OptionalField Boolean singleParent,
        boolean inEducation,
        boolean movedOutWithoutConsent,
        boolean minorChildOutsideCase,
        EncryptedPii pii) implements EventData {
}
