package de.auseinerhand.benefits.application;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.AdditionalNeedAmount;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Seeds cases with an application and a decision straight into the event store (for posting-run tests and the benchmark). */
final class PostingSeed {
    private PostingSeed() {
    }

    static List<String> seed(EventStore store, DataSource ds, String prefix, int count, YearMonth from) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format("BG-05958032-%s%05d", prefix, i));
        }
        for (int i = 0; i < count; i += 500) {
            List<String> batch = ids.subList(i, Math.min(count, i + 500));
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "insert into known_case (case_id, municipality, opened_on, updated_at) values (?, '05958032', ?, now())")) {
                    for (String id : batch) {
                        ps.setString(1, id);
                        ps.setObject(2, from.atDay(1));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                for (String id : batch) {
                    PersonEntitlement head = new PersonEntitlement(UUID.randomUUID(), new BigDecimal("563.00"),
                            List.of(new AdditionalNeedAmount("ADDITIONAL_NEED_SINGLE_PARENT (§ 21(3) SGB II)", new BigDecimal("202.68"))),
                            new BigDecimal("300.00"), BigDecimal.ZERO.setScale(2), new BigDecimal("765.68"), new BigDecimal("300.00"),
                            new BigDecimal("1065.68"));
                    PersonEntitlement child = new PersonEntitlement(UUID.randomUUID(), new BigDecimal("357.00"), List.of(),
                            new BigDecimal("300.00"), new BigDecimal("250.00"), new BigDecimal("127.00"), new BigDecimal("300.00"),
                            new BigDecimal("427.00"));
                    List<EventData> events = List.of(new ApplicationReceived(from.atDay(2), from.atDay(1)),
                            new EntitlementDecided(UUID.randomUUID(), new Period(from.atDay(1), from.plusMonths(11).atEndOfMonth()), false,
                                    "2026-01", List.of(head, child), new BigDecimal("1492.68"), new BigDecimal("892.68"),
                                    new BigDecimal("600.00"), null, null, null));
                    store.append(DecisionService.stream(id), 0, events.stream().map(e -> new NewEvent(e, id, "05958032")).toList(),
                            EventMetadata.system("user:seed"));
                }
            });
        }
        return ids;
    }

}
