package de.auseinerhand.benefits.domain.decision;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet.Line;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet.MemberPart;
import de.auseinerhand.events.benefits.AdditionalNeedAmount;
import de.auseinerhand.events.benefits.PersonEntitlement;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The amounts of one month of a decision, taken from its calculation sheet; federal = LLU, municipal = KdU. */
public record MonthAmounts(YearMonth month, String ruleSet, List<PersonEntitlement> perPerson, BigDecimal total, BigDecimal federal,
                           BigDecimal municipal, CalculationSheet sheet) {

    public static MonthAmounts of(CalculationSheet sheet) {
        List<PersonEntitlement> people = new ArrayList<>();
        for (MemberPart m : sheet.members()) {
            if (!m.inCase()) {
                continue;
            }
            BigDecimal standard = BigDecimal.ZERO.setScale(2);
            List<AdditionalNeedAmount> additional = new ArrayList<>();
            for (Line l : m.needs()) {
                if (l.item().equals("STANDARD_NEED")) {
                    standard = l.amount().toBigDecimal();
                } else if (l.item().startsWith("ADDITIONAL_NEED_") || l.item().equals("CHILD_SUPPLEMENT")) {
                    additional.add(new AdditionalNeedAmount(l.item() + " (" + l.paragraph() + ")", l.amount().toBigDecimal()));
                }
            }
            people.add(new PersonEntitlement(UUID.fromString(m.memberId()), standard, additional, m.kduNeed().toBigDecimal(),
                    m.incomeApplied().toBigDecimal(), m.lluEntitlement().toBigDecimal(), m.kduEntitlement().toBigDecimal(),
                    m.entitlement().toBigDecimal()));
        }
        return new MonthAmounts(sheet.month(), sheet.ruleSet(), List.copyOf(people), sheet.totals().entitlement().toBigDecimal(),
                sheet.totals().llu().toBigDecimal(), sheet.totals().kdu().toBigDecimal(), sheet);
    }

    public Amounts amounts() {
        return new Amounts(ruleSet, perPerson, total, federal, municipal);
    }

    /** What a decision says for a month; compared amount by amount to see whether facts changed the result. */
    public record Amounts(String ruleSet, List<PersonEntitlement> perPerson, BigDecimal total, BigDecimal federal, BigDecimal municipal) {
        public boolean sameMoneyAs(Amounts o) {
            if (o == null || total.compareTo(o.total) != 0 || federal.compareTo(o.federal) != 0 || perPerson.size() != o.perPerson.size()) {
                return false;
            }
            for (int i = 0; i < perPerson.size(); i++) {
                PersonEntitlement a = perPerson.get(i);
                PersonEntitlement b = o.perPerson.get(i);
                if (!a.personId().equals(b.personId()) || a.llu().compareTo(b.llu()) != 0 || a.kdu().compareTo(b.kdu()) != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
