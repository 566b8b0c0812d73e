package de.auseinerhand.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.JobOfferClosed;
import de.auseinerhand.events.placement.JobOfferPublished;
import de.auseinerhand.events.placement.OfferClosure;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.placement.domain.offer.OfferCommand;
import de.auseinerhand.placement.domain.offer.OfferDecider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given events, when a command on a job offer, then events or a rejection. */
class OfferDeciderTest {

    static final UUID OFFER = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID EMPLOYER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 2);
    private final OfferDecider decider = new OfferDecider();

    private List<EventData> when(List<EventData> given, OfferCommand command) {
        return decider.decide(command, decider.fold(given));
    }

    static OfferCommand.Publish publish(String code, String hours, String wage) {
        return new OfferCommand.Publish(OFFER, EMPLOYER, code, "Pflegehelfer/in", "05958032", new BigDecimal(hours),
                wage == null ? null : new BigDecimal(wage), PUBLISHED, PUBLISHED.plusMonths(1), 2,
                List.of("Pflegebasiskurs"), List.of("de"), true);
    }

    private JobOfferPublished published() {
        return (JobOfferPublished) when(List.of(), publish("82102", "30", "15.50")).get(0);
    }

    @Test
    void publishingRecordsEveryFactOfTheOffer() {
        JobOfferPublished e = published();
        assertThat(e.occupationCode()).isEqualTo("82102");
        assertThat(e.hoursPerWeek()).isEqualByComparingTo("30");
        assertThat(e.wage()).isEqualByComparingTo("15.50");
        assertThat(e.startDate()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(e.requirements()).containsExactly("Pflegebasiskurs");
        assertThat(e.languages()).containsExactly("de");
        assertThat(e.drivingLicenceRequired()).isTrue();
    }

    @Test
    void theOccupationIsAFiveDigitKldbCode() {
        for (String bad : new String[] {"8210", "821020", "8210A", "82100", "82105"}) {
            assertThatThrownBy(() -> when(List.of(), publish(bad, "30", null)))
                    .hasFieldOrPropertyWithValue("code", "invalid-occupation-code")
                    .hasFieldOrPropertyWithValue("field", "occupationCode");
        }
    }

    /** § 3 ArbZG: at most 48 hours a week. */
    @Test
    void hoursAreBetweenZeroAnd48() {
        assertThatThrownBy(() -> when(List.of(), publish("82102", "0", null))).hasFieldOrPropertyWithValue("code", "hours-out-of-range");
        assertThatThrownBy(() -> when(List.of(), publish("82102", "48.5", null))).hasFieldOrPropertyWithValue("field", "hoursPerWeek");
        assertThat(when(List.of(), publish("82102", "48", null))).hasSize(1);
    }

    /** § 1 MiLoG: 13.90 EUR an hour from 2026-01-01, 14.60 EUR from 2027-01-01. */
    @Test
    void theWageIsAtLeastTheStatutoryMinimumOnTheStartDate() {
        assertThatThrownBy(() -> when(List.of(), publish("82102", "30", "13.89")))
                .hasFieldOrPropertyWithValue("code", "below-minimum-wage").hasFieldOrPropertyWithValue("field", "wage");
        assertThat(when(List.of(), publish("82102", "30", "13.90"))).hasSize(1);
        var startsIn2027 = new OfferCommand.Publish(OFFER, EMPLOYER, "82102", "x", "05958032", new BigDecimal("30"),
                new BigDecimal("14.00"), LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 1), 1, List.of(), List.of(), false);
        assertThatThrownBy(() -> when(List.of(), startsIn2027)).hasFieldOrPropertyWithValue("code", "below-minimum-wage");
    }

    @Test
    void positionsAndTitleAreRequired() {
        var noPositions = new OfferCommand.Publish(OFFER, EMPLOYER, "82102", "x", "05958032", BigDecimal.TEN, null,
                PUBLISHED, null, 0, List.of(), List.of(), false);
        assertThatThrownBy(() -> when(List.of(), noPositions)).hasFieldOrPropertyWithValue("code", "positions-out-of-range");
        var noTitle = new OfferCommand.Publish(OFFER, EMPLOYER, "82102", " ", "05958032", BigDecimal.TEN, null,
                PUBLISHED, null, 1, List.of(), List.of(), false);
        assertThatThrownBy(() -> when(List.of(), noTitle)).hasFieldOrPropertyWithValue("field", "title");
    }

    @Test
    void anOfferIsPublishedOnce() {
        assertThatThrownBy(() -> when(List.of(published()), publish("82102", "30", null)))
                .isInstanceOf(CommandRejected.class).hasFieldOrPropertyWithValue("code", "offer-exists");
    }

    @Test
    void anOpenOfferClosesOnceAsFilledWithdrawnOrExpired() {
        List<EventData> closed = when(List.of(published()), new OfferCommand.Close(OfferClosure.FILLED, PUBLISHED.plusDays(20)));
        assertThat(closed).containsExactly(new JobOfferClosed(OFFER, EMPLOYER, OfferClosure.FILLED, PUBLISHED.plusDays(20)));
        assertThat(decider.fold(List.of(published(), closed.get(0))).status()).isEqualTo("FILLED");
        assertThatThrownBy(() -> when(List.of(published(), closed.get(0)), new OfferCommand.Close(OfferClosure.EXPIRED, PUBLISHED.plusDays(30))))
                .hasFieldOrPropertyWithValue("code", "offer-closed");
        assertThatThrownBy(() -> when(List.of(), new OfferCommand.Close(OfferClosure.WITHDRAWN, PUBLISHED)))
                .hasFieldOrPropertyWithValue("code", "offer-unknown");
    }
}
