package dev.gauntlet.suites.webshop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code fuzz.token_set_ratio} as the thefuzz 0.19 that WebShop pins computes it without python-Levenshtein (not in
 * its requirements): with Python's difflib. Each string is cleaned (code points U+0080–U+00FF removed, the
 * {@code force_ascii} step; every character that is not a letter, digit or underscore becomes a space; lower case;
 * stripped), split into token sets, and three strings are built from the sorted intersection and the two remainders;
 * the score is the best difflib ratio of the three pairs, each scaled to 0–100 and rounded as Python's
 * {@code round} (half to even). Quirks kept: the strings are stripped before the joining delimiters become spaces,
 * so "a" with an empty intersection is compared as " a"; equal strings score 100 and an empty one 0.
 */
final class TokenSetRatio {

    private TokenSetRatio() {}

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]");
    private static final String DELIMITER = "+++";

    static int of(String s1, String s2) {
        String p1 = clean(s1);
        String p2 = clean(s2);
        if (p1.isEmpty() || p2.isEmpty()) {
            return 0;
        }
        TreeSet<String> t1 = tokens(p1);
        TreeSet<String> t2 = tokens(p2);
        TreeSet<String> both = new TreeSet<>(TokenSetRatio::byCodePoint);
        both.addAll(t1);
        both.retainAll(t2);
        TreeSet<String> only1 = new TreeSet<>(TokenSetRatio::byCodePoint);
        only1.addAll(t1);
        only1.removeAll(t2);
        TreeSet<String> only2 = new TreeSet<>(TokenSetRatio::byCodePoint);
        only2.addAll(t2);
        only2.removeAll(t1);
        String sect = String.join(DELIMITER, both);
        String combined1 = sect + DELIMITER + String.join(DELIMITER, only1);
        String combined2 = sect + DELIMITER + String.join(DELIMITER, only2);
        sect = sect.strip().replace(DELIMITER, " ");
        combined1 = combined1.strip().replace(DELIMITER, " ");
        combined2 = combined2.strip().replace(DELIMITER, " ");
        return Math.max(ratio(sect, combined1), Math.max(ratio(sect, combined2), ratio(combined1, combined2)));
    }

    /** {@code fuzz.ratio}: 100 for equal strings, 0 when one is empty, else the rounded difflib ratio. */
    static int ratio(String a, String b) {
        if (a.equals(b)) {
            return 100;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        double r = 2.0 * Difflib.matches(x, y) / (x.length + y.length);
        return (int) Math.rint(100 * r); // Math.rint rounds half to even, as Python's round
    }

    static String clean(String s) {
        StringBuilder ascii = new StringBuilder();
        s.codePoints().filter(c -> c < 0x80 || c > 0xFF).forEach(ascii::appendCodePoint);
        return NON_WORD.matcher(ascii).replaceAll(" ").toLowerCase(java.util.Locale.ROOT).strip();
    }

    private static TreeSet<String> tokens(String p) {
        TreeSet<String> out = new TreeSet<>(TokenSetRatio::byCodePoint);
        Arrays.stream(p.split(" ")).filter(t -> !t.isEmpty()).forEach(out::add);
        return out;
    }

    /** Python sorts strings by code point, which differs from Java's UTF-16 order above U+FFFF. */
    private static int byCodePoint(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** The part of difflib's SequenceMatcher that ratio needs: the total size of its matching blocks. */
    static final class Difflib {

        private Difflib() {}

        static int matches(int[] a, int[] b) {
            Map<Integer, List<Integer>> b2j = new HashMap<>();
            for (int j = 0; j < b.length; j++) {
                b2j.computeIfAbsent(b[j], k -> new ArrayList<>()).add(j);
            }
            if (b.length >= 200) { // autojunk: elements more frequent than 1% + 1 are left out of b2j
                int ntest = b.length / 100 + 1;
                b2j.values().removeIf(idx -> idx.size() > ntest);
            }
            int total = 0;
            List<int[]> queue = new ArrayList<>();
            queue.add(new int[] {0, a.length, 0, b.length});
            while (!queue.isEmpty()) {
                int[] q = queue.remove(queue.size() - 1);
                int[] m = longest(a, b, b2j, q[0], q[1], q[2], q[3]);
                int i = m[0];
                int j = m[1];
                int k = m[2];
                if (k > 0) {
                    total += k;
                    if (q[0] < i && q[2] < j) {
                        queue.add(new int[] {q[0], i, q[2], j});
                    }
                    if (i + k < q[1] && j + k < q[3]) {
                        queue.add(new int[] {i + k, q[1], j + k, q[3]});
                    }
                }
            }
            return total;
        }

        /** find_longest_match with no junk function: the earliest longest block, widened over popular elements. */
        private static int[] longest(int[] a, int[] b, Map<Integer, List<Integer>> b2j, int alo, int ahi, int blo,
                                     int bhi) {
            int besti = alo;
            int bestj = blo;
            int bestsize = 0;
            Map<Integer, Integer> j2len = new HashMap<>();
            for (int i = alo; i < ahi; i++) {
                Map<Integer, Integer> next = new HashMap<>();
                for (int j : b2j.getOrDefault(a[i], List.of())) {
                    if (j < blo) {
                        continue;
                    }
                    if (j >= bhi) {
                        break;
                    }
                    int k = j2len.getOrDefault(j - 1, 0) + 1;
                    next.put(j, k);
                    if (k > bestsize) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestsize = k;
                    }
                }
                j2len = next;
            }
            while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
                besti--;
                bestj--;
                bestsize++;
            }
            while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize]) {
                bestsize++;
            }
            return new int[] {besti, bestj, bestsize};
        }
    }
}
