package de.auseinerhand.benefits.domain.calculation;

/** Integer arithmetic on cents with the half-up rounding of § 41(2) SGB II. */
final class Cents {
    private Cents() {
    }

    /** {@code round_half_up(a × b / d)} for d > 0; symmetric for negative products. */
    static long mulDivHalfUp(long a, long b, long d) {
        long p = Math.multiplyExact(a, b);
        long q = p / d;
        long r = p % d;
        if (Math.abs(r) * 2 >= d) {
            q += p >= 0 ? 1 : -1;
        }
        return q;
    }
}
