package de.auseinerhand.benefits.domain.decision;

import de.auseinerhand.events.benefits.PostedPersonAmount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Commands on a case's benefits; amounts come computed from the calculator (the decider checks the rules around them). */
public sealed interface BenefitCommand {

    /** § 37 SGB II: benefits only on application, effective from the first of its month. */
    record ReceiveApplication(LocalDate receivedOn, LocalDate caseOpenedOn) implements BenefitCommand {
    }

    /** The applicant withdraws the application that waits for its decision. */
    record WithdrawApplication(LocalDate withdrawnOn) implements BenefitCommand {
    }

    /** A decision for an approval period; {@code months} holds every month of the period in order. */
    record Decide(UUID decisionId, LocalDate from, LocalDate to, boolean provisional, UUID replaces, BigDecimal settlement,
                  Boolean reclaimWaived, List<MonthAmounts> months) implements BenefitCommand {
    }

    /** The consequence of changed facts from the first month in {@code months} to the end of the period. */
    record Amend(UUID decisionId, String reason, List<MonthAmounts> months) implements BenefitCommand {
    }

    record Terminate(UUID decisionId, LocalDate effectiveFrom, String reason) implements BenefitCommand {
    }

    /** A reduction for a breach of duty ({@code missedAppointment}: § 32) with the rules of the rule set in force. */
    record ImposeReduction(UUID personId, String kind, boolean missedAppointment, LocalDate occurredOn, LocalDate hearingOn, LocalDate from,
                           boolean personInCase, boolean disputeRunning,
                           de.auseinerhand.benefits.domain.rules.RuleSet.Reductions rules) implements BenefitCommand {
    }

    /** The reduction starting on {@code from} ends with {@code lastDay}. */
    record LiftReduction(UUID personId, LocalDate from, LocalDate lastDay, String reason) implements BenefitCommand {
    }

    /** § 22(1) S. 7 SGB II: the household is asked to lower housing costs above the limit. */
    record IssueCostReductionNotice(LocalDate issuedOn) implements BenefitCommand {
    }

    /** The cost-reduction notice no longer applies from {@code withdrawnOn}. */
    record WithdrawCostReductionNotice(LocalDate withdrawnOn, String reason) implements BenefitCommand {
    }

    record Post(YearMonth month, List<PostedPersonAmount> perPerson, BigDecimal llu, BigDecimal kdu, BigDecimal reductions,
                BigDecimal payable) implements BenefitCommand {
    }
}
