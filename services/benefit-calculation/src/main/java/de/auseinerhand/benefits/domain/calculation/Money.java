package de.auseinerhand.benefits.domain.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in euro cents. Calculations run on whole cents with explicit half-up rounding
 * (§ 41(2) SGB II: two decimal places, the last one rounded up from 5); never a binary float.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofCents(long cents) {
        return cents == 0 ? ZERO : new Money(cents);
    }

    /** Exact conversion; more than two decimal places is an error, not a silent rounding. */
    public static Money of(BigDecimal euros) {
        return ofCents(euros.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
    }

    public static Money euros(long euros) {
        return ofCents(euros * 100);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    public Money plus(Money other) {
        return ofCents(cents + other.cents);
    }

    public Money minus(Money other) {
        return ofCents(cents - other.cents);
    }

    public Money atLeastZero() {
        return cents < 0 ? ZERO : this;
    }

    public Money min(Money other) {
        return cents <= other.cents ? this : other;
    }

    public Money max(Money other) {
        return cents >= other.cents ? this : other;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    /** {@code this × basisPoints / 10,000}, rounded half-up to the cent (1 % = 100 basis points). */
    public Money percent(int basisPoints) {
        return ofCents(Cents.mulDivHalfUp(cents, basisPoints, 10_000));
    }

    /** Pro rata for a partial month: {@code this × days / 30}, half-up (§ 41(1) SGB II). */
    public Money days(int days) {
        return days == 30 ? this : ofCents(Cents.mulDivHalfUp(cents, days, 30));
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
