package org.timebank.leaderboard.domain;

/**
 * How a name shows on a public board: the first and last characters kept, the ones between starred
 * (张晓明 → 张*明, 欧阳小明 → 欧**明); a two-character name keeps its first (李华 → 李*), a single
 * character is starred. Counted in code points, so no character is cut in half.
 */
public final class NameMask {
    private NameMask() {}

    public static String mask(String name) {
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(cps.length - 2));
        return masked.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
