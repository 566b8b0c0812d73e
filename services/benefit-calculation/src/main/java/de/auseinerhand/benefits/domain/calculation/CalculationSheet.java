package de.auseinerhand.benefits.domain.calculation;

import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The explained result of one month: every amount with the paragraph it comes from and the rule
 * set used. The same sheet is stored with each decision, so a case worker can explain every euro.
 */
public record CalculationSheet(
        YearMonth month,
        String ruleSet,
        LocalDate ruleSetValidFrom,
        String benefit,
        String municipality,
        LocalDate from,
        LocalDate to,
        int days,
        boolean entitled,
        List<Line> notes,
        HousingPart housing,
        AssetPart assets,
        List<MemberPart> members,
        Totals totals,
        ApprovalPeriod approvalPeriod) {

    /** One explained amount. {@code item} is a stable code, {@code paragraph} the legal basis. */
    public record Line(String item, Money amount, String paragraph, String note) {
        public static Line of(String item, Money amount, String paragraph) {
            return new Line(item, amount, paragraph, null);
        }
    }

    public record HousingPart(Money rent, Money utilities, Money heating, int personsInHousehold,
                              Money limitGrossColdRent, Money limitHeating, String limitSource, boolean waitingPeriod,
                              boolean aboveLimit, List<Line> lines, Money recognised, Money sharePerHead) {
    }

    public record AssetPart(Money countable, Money allowance, boolean waitingPeriod, List<Line> lines, boolean exceeds) {
    }

    public record IncomePart(IncomeKind kind, Money gross, List<Line> lines, Money countable) {
    }

    /**
     * One person. {@code inCase} false: lives in the household but is not part of the case
     * ({@code caseNote} says why, e.g. a child whose own income covers its need, § 7(3) Nr. 4).
     */
    public record MemberPart(
            String memberId,
            PersonRole role,
            int age,
            boolean inCase,
            String caseNote,
            Integer level,
            List<Line> needs,
            Money lluNeed,
            Money kduNeed,
            List<IncomePart> incomes,
            Money ownCountableIncome,
            List<Line> incomeAllocation,
            Money incomeApplied,
            Money lluEntitlement,
            Money kduEntitlement,
            Money entitlement,
            Money reduction,
            Money payable) {
    }

    /** Sums over the members in the case; {@code llu + kdu = entitlement}, {@code payable = entitlement - reductions}. */
    public record Totals(Money need, Money countableIncome, Money llu, Money kdu, Money entitlement, Money reductions,
                         Money payable) {
    }

    /** § 41(3) SGB II: 12 months, 6 when housing costs are above the limit (or the decision is provisional). */
    public record ApprovalPeriod(int months, String paragraph, String reason) {
    }
}
