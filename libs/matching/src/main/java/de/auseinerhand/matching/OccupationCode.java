package de.auseinerhand.matching;

/**
 * An occupation of the German classification of occupations (KldB 2010): five digits, read from the
 * left as occupational area, main group, group, subgroup and, last, the level of requirement
 * (1 helper, 2 skilled, 3 specialist, 4 expert).
 */
public record OccupationCode(String value) {

    public OccupationCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a KldB 2010 code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("[0-9]{5}") && value.charAt(4) >= '1' && value.charAt(4) <= '4';
    }

    /** How many leading digits two codes share (5 = the same occupation). */
    public static int sharedPrefix(String a, String b) {
        int n = 0;
        while (n < 5 && n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
