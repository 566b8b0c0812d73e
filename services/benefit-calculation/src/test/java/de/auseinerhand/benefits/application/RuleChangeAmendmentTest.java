package de.auseinerhand.benefits.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.Household;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.decision.BenefitCommand;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.benefits.domain.decision.MonthAmounts;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.domain.rules.RuleSets;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.benefits.infrastructure.SheetJson;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.AssetsDeclared;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The law changed under a running system: a decision for May 2026 to April 2027 was computed before the
 * rule data knew the 13th amending act (every month under the 2026-01 rules: 12,000 € of savings within
 * the 40,000 € of the waiting period). With the rule set 2026-07 in the data, the review amends it from
 * July 2026 (12,000 € exceed the 10,000 € of a 38-year-old: nothing from July), with the law as the
 * reason; reaching back further than the four-eyes limit, a team lead approves it first. The dates are
 * fixed (the law's), so the case is written to the store directly, as an older release would have.
 */
@QuarkusTest
class RuleChangeAmendmentTest {
    static final String MESCHEDE = "05958032";

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Inject
    RuleChangeAmendments review;

    @Inject
    DecisionService decisions;

    @Test
    void decisionsInForceOnJulyFirstAreAmendedUnderTheNewLaw() throws Exception {
        String caseId = TestEvents.newCaseId(MESCHEDE);
        LocalDate opened = LocalDate.of(2026, 5, 1);
        PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1988, 4), Sex.FEMALE, true, opened);
        long v = 0;
        for (EventData e : List.of(TestEvents.caseOpened(caseId, MESCHEDE, opened), head,
                new HousingCostsDeclared(opened, new BigDecimal("400.00"), new BigDecimal("80.00"), BigDecimal.ZERO.setScale(2), 1, null),
                new AssetsDeclared(head.personId(), AssetKind.BANK_ACCOUNT, new BigDecimal("12000.00"), opened))) {
            TestEvents.publish(e, caseId, MESCHEDE, ++v);
        }
        Eventually.assertSoon(() -> given().auth().oauth2(TestTokens.caseworker("cw-meschede-1", MESCHEDE))
                .get("/api/v1/known-cases/{id}", caseId).then().statusCode(200).body("persons", hasSize(1)));

        // the decision an older release made: every month under the rule sets it knew (up to 2026-01)
        RuleSets before = new RuleSets(RuleFiles.ruleSets().all().stream().filter(r -> r.validFrom().isBefore(LocalDate.of(2026, 7, 1))).toList());
        EntitlementCalculator old = new EntitlementCalculator(before, RuleFiles.adequacyLimits());
        List<MonthAmounts> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2026, 5); !m.isAfter(YearMonth.of(2027, 4)); m = m.plusMonths(1)) {
            Household h = new Household(m, null, null, MESCHEDE, null, List.of(new Household.Member(head.personId().toString(), PersonRole.HEAD,
                    LocalDate.of(1988, 4, 1), null, List.of(), true, false, false, false, false, null, false, false, false, 0, List.of())),
                    new Household.Housing(Money.euros(400), Money.ZERO, Money.euros(80), 1, 0),
                    List.of(new Household.Asset(head.personId().toString(), AssetKind.BANK_ACCOUNT, Money.euros(12000), false, null, false, false)),
                    (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.of(2026, 5), m), false);
            months.add(MonthAmounts.of(old.calculate(h)));
        }
        assertThat(months).allSatisfy(m -> assertThat(m.sheet().ruleSet()).isEqualTo("2026-01"));
        assertThat(months.get(2).sheet().totals().entitlement()).isEqualTo(Money.of(new BigDecimal("1043.00")));
        UUID decisionId = UUID.randomUUID();
        BenefitState applied = DecisionService.DECIDER.fold(List.of(new ApplicationReceived(LocalDate.of(2026, 5, 4), opened)));
        List<EventData> decided = DecisionService.DECIDER.decide(new BenefitCommand.Decide(decisionId, opened, LocalDate.of(2027, 4, 30), false,
                null, null, null, months), applied);
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent(new ApplicationReceived(LocalDate.of(2026, 5, 4), opened), caseId, MESCHEDE));
        decided.forEach(e -> events.add(new NewEvent(e, caseId, MESCHEDE)));
        QuarkusTransaction.requiringNew().run(() -> store.append(DecisionService.stream(caseId), 0, events, EventMetadata.system("older-release")));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into decision_sheet (decision_id, month, version, case_id, recorded_at, sheet) values (?,?,?,?, now(), ?::jsonb)")) {
            for (MonthAmounts m : months) {
                ps.setObject(1, decisionId);
                ps.setString(2, m.month().toString());
                ps.setInt(3, 2);
                ps.setString(4, caseId);
                ps.setString(5, SheetJson.mapper().writeValueAsString(m.sheet()));
                ps.addBatch();
            }
            ps.executeBatch();
            // the review of the rule data at start-up already ran; this test stands for the next release's start
            c.createStatement().execute("delete from rule_data_review");
        }

        assertThat(review.review()).isGreaterThanOrEqualTo(1);

        // within the four-eyes limit the amendment is made at once; further back a team lead approves it first
        decisions.openApprovals(m -> true).stream().filter(p -> p.caseId().equals(caseId)).forEach(p -> {
            assertThat(p.kind()).isEqualTo("AMENDMENT");
            assertThat(p.command().get("fromMonth").asText()).isEqualTo("2026-07");
            assertThat(p.command().get("reason").asText()).contains("13th amending act").contains("Grundsicherungsgeld");
            decisions.approve(p.approvalId(), "tl-meschede", m -> true, EventMetadata.system("tl-meschede"));
        });
        BenefitState.Decision d = decisions.load(caseId).state().decisions().get(decisionId);
        assertThat(d.amountsFor(YearMonth.of(2026, 6)).total()).isEqualByComparingTo("1043.00");
        assertThat(d.amountsFor(YearMonth.of(2026, 7)).ruleSet()).isEqualTo("2026-07");
        assertThat(d.amountsFor(YearMonth.of(2026, 7)).total()).as("12,000 € exceed the 10,000 € of a 38-year-old").isEqualByComparingTo("0.00");
        assertThat(d.amountsFor(YearMonth.of(2027, 4)).total()).isEqualByComparingTo("0.00");
        // a second review of the same rule data does nothing
        assertThat(review.review()).isZero();
    }
}
