package de.auseinerhand.events.placement;

import java.util.List;

/**
 * The free texts of a placement event, as they are before encryption into its {@code pii}: what case workers write about
 * a person (constraints, the plan's goals and steps, the facts of a breach, reasons, remarks) is personal data, often
 * about health or family, and travels only encrypted with the person's key, so that erasing the key erases it from the
 * event store and the topic. Each event fills the fields it has; the others are null.
 */
public record PlacementTexts(
        List<String> constraints,
        List<String> goals,
        List<String> steps,
        List<String> ownEfforts,
        String facts,
        String subject,
        String reason,
        String remark) {

    public static final PlacementTexts NONE = new PlacementTexts(null, null, null, null, null, null, null, null);
}
