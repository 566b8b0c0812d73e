package de.auseinerhand.placement.application;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.CooperationPlanDisputeStarted;
import de.auseinerhand.events.placement.CooperationPlanUpdated;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PersonTexts;
import de.auseinerhand.events.placement.PlacementTexts;
import java.util.List;
import java.util.UUID;

/**
 * The free texts of placement events and their sealed form (issue 13: personal data only encrypted with the person's
 * key). {@link #textsOf} takes them out of an event as the decider wrote it, {@link #seal} replaces them by the encrypted
 * {@code pii}, {@link #open} puts decrypted texts back (or nothing once the key is erased: empty lists, null strings).
 * Events without any text stay as they are and need no key.
 */
final class SealedTexts {

    private SealedTexts() {
    }

    /** The person whose key seals the event's texts, or null for events without free texts. */
    static UUID personOf(EventData e) {
        return e instanceof PersonTexts x ? x.personId() : null;
    }

    /** The encrypted texts of a sealed event, or null. */
    static EncryptedPii piiOf(EventData e) {
        return e instanceof PersonTexts x ? x.pii() : null;
    }

    /** The plain texts of an unsealed event; null when it has none worth sealing. */
    static PlacementTexts textsOf(EventData e) {
        PlacementTexts t = null;
        if (e instanceof ClientProfileRecorded x && x.pii() == null) {
            t = new PlacementTexts(x.constraints(), null, null, null, null, null, null, null);
        } else if (e instanceof CooperationPlanAgreed x && x.pii() == null) {
            t = new PlacementTexts(null, x.goals(), x.steps(), x.ownEfforts(), null, null, null, null);
        } else if (e instanceof CooperationPlanUpdated x && x.pii() == null) {
            t = new PlacementTexts(null, x.goals(), x.steps(), x.ownEfforts(), null, null, null, null);
        } else if (e instanceof CooperationPlanDisputeStarted x && x.pii() == null) {
            t = new PlacementTexts(null, null, null, null, null, x.subject(), null, null);
        } else if (e instanceof BreachOfDutyRecorded x && x.pii() == null) {
            t = new PlacementTexts(null, null, null, null, x.facts(), null, null, null);
        } else if (e instanceof EmploymentEnded x && x.pii() == null) {
            t = new PlacementTexts(null, null, null, null, null, null, x.reason(), null);
        } else if (e instanceof MeasureAssignmentWithdrawn x && x.pii() == null) {
            t = new PlacementTexts(null, null, null, null, null, null, null, x.remark());
        } else if (e instanceof PlacementOutcomeRecorded x && x.pii() == null) {
            t = new PlacementTexts(null, null, null, null, null, null, x.reason(), null);
        }
        return t == null || isEmpty(t) ? null : t;
    }

    private static boolean isEmpty(PlacementTexts t) {
        return empty(t.constraints()) && empty(t.goals()) && empty(t.steps()) && empty(t.ownEfforts()) && empty(t.facts())
                && empty(t.subject()) && empty(t.reason()) && empty(t.remark());
    }

    private static boolean empty(List<String> l) {
        return l == null || l.isEmpty();
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    /** The event without its texts, which travel in {@code pii} instead. */
    static EventData seal(EventData e, EncryptedPii pii) {
        return withTexts(e, PlacementTexts.NONE, pii);
    }

    /** The sealed event with its texts back ({@code null}: erased, the texts are gone). */
    static EventData open(EventData e, PlacementTexts texts) {
        PlacementTexts t = texts == null ? new PlacementTexts(List.of(), List.of(), List.of(), List.of(), null, null, null, null) : texts;
        return withTexts(e, t, null);
    }

    private static EventData withTexts(EventData e, PlacementTexts t, EncryptedPii pii) {
        if (e instanceof ClientProfileRecorded x) {
            return new ClientProfileRecorded(x.personId(), x.qualifications(), x.occupationsSought(), x.mobilityRadiusKm(), t.constraints(),
                    x.languages(), x.drivingLicence(), x.experienceYears(), x.maxHoursPerWeek(), x.availableFrom(), pii);
        } else if (e instanceof CooperationPlanAgreed x) {
            return new CooperationPlanAgreed(x.planId(), x.personId(), t.goals(), t.steps(), x.reviewBy(), t.ownEfforts(), x.agreedOn(), pii,
                    x.form());
        } else if (e instanceof CooperationPlanUpdated x) {
            return new CooperationPlanUpdated(x.planId(), x.personId(), t.goals(), t.steps(), x.reviewBy(), t.ownEfforts(), x.reviewedOn(),
                    pii, x.form());
        } else if (e instanceof CooperationPlanDisputeStarted x) {
            return new CooperationPlanDisputeStarted(x.planId(), x.personId(), x.startedOn(), t.subject(), pii);
        } else if (e instanceof BreachOfDutyRecorded x) {
            return new BreachOfDutyRecorded(x.breachId(), x.personId(), x.kind(), x.occurredOn(), t.facts(), x.offerId(), x.measureId(), pii);
        } else if (e instanceof EmploymentEnded x) {
            return new EmploymentEnded(x.personId(), x.endDate(), t.reason(), pii);
        } else if (e instanceof MeasureAssignmentWithdrawn x) {
            return new MeasureAssignmentWithdrawn(x.measureId(), x.personId(), x.legalBasis(), x.category(), x.withdrawnOn(), x.reason(),
                    t.remark(), pii);
        } else if (e instanceof PlacementOutcomeRecorded x) {
            return new PlacementOutcomeRecorded(x.personId(), x.offerId(), x.outcome(), x.occurredOn(), t.reason(), pii);
        }
        return e;
    }
}
