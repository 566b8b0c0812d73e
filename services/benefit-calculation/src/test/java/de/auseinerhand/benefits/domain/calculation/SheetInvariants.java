package de.auseinerhand.benefits.domain.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet.MemberPart;

/** What must hold for every calculation sheet, whatever the household. */
final class SheetInvariants {
    private SheetInvariants() {
    }

    static void check(CalculationSheet s) {
        Money llu = Money.ZERO;
        Money kdu = Money.ZERO;
        Money entitlement = Money.ZERO;
        Money reductions = Money.ZERO;
        for (MemberPart m : s.members()) {
            assertThat(m.lluEntitlement().cents()).as("LLU of %s never negative", m.memberId()).isNotNegative();
            assertThat(m.kduEntitlement().cents()).as("KdU of %s never negative", m.memberId()).isNotNegative();
            assertThat(m.lluEntitlement().plus(m.kduEntitlement())).as("LLU + KdU = entitlement of %s", m.memberId())
                    .isEqualTo(m.entitlement());
            assertThat(m.reduction().compareTo(m.lluEntitlement())).as("a reduction never touches housing costs").isLessThanOrEqualTo(0);
            assertThat(m.payable()).isEqualTo(m.entitlement().minus(m.reduction()));
            if (!m.inCase()) {
                assertThat(m.entitlement()).isEqualTo(Money.ZERO);
            }
            llu = llu.plus(m.lluEntitlement());
            kdu = kdu.plus(m.kduEntitlement());
            entitlement = entitlement.plus(m.entitlement());
            reductions = reductions.plus(m.reduction());
        }
        assertThat(s.totals().llu()).as("per-person LLU adds up to the total").isEqualTo(llu);
        assertThat(s.totals().kdu()).as("per-person KdU adds up to the total").isEqualTo(kdu);
        assertThat(s.totals().entitlement()).as("per-person entitlements add up to the total").isEqualTo(entitlement);
        assertThat(s.totals().llu().plus(s.totals().kdu())).as("LLU + KdU = entitlement").isEqualTo(s.totals().entitlement());
        assertThat(s.totals().reductions()).isEqualTo(reductions);
        assertThat(s.totals().payable()).isEqualTo(s.totals().entitlement().minus(s.totals().reductions()));
        assertThat(s.entitled()).isEqualTo(s.totals().entitlement().isPositive());
    }
}
