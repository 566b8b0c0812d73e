package de.auseinerhand.testsupport;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts case events on the test broker exactly as a writing service's relay would (CloudEvents JSON,
 * keyed by case id), for testing a consumer without running the writer.
 */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newCaseId(String municipality) {
        return "BG-" + municipality + "-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1, 999_999));
    }

    public static EventEnvelope envelope(EventData data, String caseId, String municipality, long version) {
        return envelope(data, caseId, municipality, version, "user:test");
    }

    /** An envelope recorded by {@code actor} (e.g. {@code migration:<run>} for what the migration import wrote). */
    public static EventEnvelope envelope(EventData data, String caseId, String municipality, long version, String actor) {
        return EventCodec.envelope(UUID.randomUUID(), data, caseId, TestClock.now(), municipality, "case-" + caseId,
                version, UUID.randomUUID(), null, actor, null);
    }

    /** Publishes and returns the envelope that was sent. */
    public static EventEnvelope publish(EventData data, String caseId, String municipality, long version) {
        EventEnvelope e = envelope(data, caseId, municipality, version);
        publish(e);
        return e;
    }

    /**
     * Publishes an event of a stream that is not a case (an offer's {@code offer-<id>}, an employer's): subject, stream
     * and Kafka key are the stream id, as job-placement's relay sends them.
     */
    public static EventEnvelope publishOnStream(EventData data, String streamId, String municipality, long version) {
        EventEnvelope e = EventCodec.envelope(UUID.randomUUID(), data, streamId, TestClock.now(), municipality, streamId,
                version, UUID.randomUUID(), null, "user:test", null);
        publish(e);
        return e;
    }

    /** Like the outbox relay: the envelope as value, the case id as key, the CloudEvents content type as header. */
    public static void publish(EventEnvelope e) {
        TestKafka.send(TestKafka.CASE_EVENTS, e.subject(), EventCodec.instance().toJson(e),
                java.util.Map.of("content-type", EventEnvelope.CLOUDEVENTS_JSON));
    }

    public static CaseOpened caseOpened(String caseId, String municipality, LocalDate openedOn) {
        return new CaseOpened(caseId, municipality, openedOn);
    }

    public static PersonRegistered person(PersonRole role, YearMonth born, Sex sex, boolean employable,
            LocalDate joinedOn) {
        return new PersonRegistered(UUID.randomUUID(), role, born, sex, employable, false, joinedOn, null,
                new EncryptedPii("pk-test", EncryptedPii.AES_256_GCM, "AAAAAAAAAAAAAAAA"));
    }
}
