package dev.gauntlet.suites.webarena;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The string comparisons both harnesses share, with the dialect's differences in cleaning and tokenizing. */
final class AnswerText {

    private AnswerText() {}

    /** Drops one pair of surrounding quotes and lower-cases; WebArena strips whitespace first, Lite does not. */
    static String clean(String answer, Dialect dialect) {
        String a = dialect == Dialect.WEBARENA ? answer.strip() : answer;
        if (a.length() >= 2 && (a.startsWith("'") && a.endsWith("'") || a.startsWith("\"") && a.endsWith("\""))) {
            a = a.substring(1, a.length() - 1);
        } else if (a.equals("'") || a.equals("\"")) {
            a = ""; // Python's a[1:-1] of a one-character quoted string
        }
        return a.toLowerCase(Locale.ROOT);
    }

    static boolean exact(String ref, String pred, Dialect dialect) {
        return clean(pred, dialect).equals(clean(ref, dialect));
    }

    /**
     * Substring test. WebArena tokenizes only when asked (a must_include list of one item) and the reference is one
     * character, so "3" does not match "13"; Lite tokenizes whenever the reference is a single token.
     */
    static boolean mustInclude(String ref, String pred, boolean tokenize, Dialect dialect) {
        String r = clean(ref, dialect);
        String p = clean(pred, dialect);
        boolean byToken = dialect == Dialect.WEBARENA ? tokenize && r.length() == 1 && tokens(r).size() == 1
                : tokens(r).size() == 1;
        return byToken ? tokens(p).contains(r) : p.contains(r);
    }

    /** Lite's must_exclude: the negation of its must_include. */
    static boolean mustExclude(String ref, String pred) {
        return !mustInclude(ref, pred, true, Dialect.LITE);
    }

    /**
     * Splits like NLTK's {@code word_tokenize} (Treebank rules) in the cases that matter here: whitespace, and
     * punctuation split off the ends of words ({@code "3."} gives {@code 3} and {@code .}; {@code "$3"} gives
     * {@code $} and {@code 3}); digits with inner commas or points stay one token. An approximation, not a port.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int start = 0;
            int end = word.length();
            List<String> tail = new ArrayList<>();
            while (start < end && "([{\"'`$#".indexOf(word.charAt(start)) >= 0) {
                out.add(String.valueOf(word.charAt(start++)));
            }
            while (end > start && ".,;:!?)]}\"'%".indexOf(word.charAt(end - 1)) >= 0) {
                tail.add(0, String.valueOf(word.charAt(--end)));
            }
            String core = word.substring(start, end);
            String lower = core.toLowerCase(Locale.ROOT);
            if (lower.endsWith("n't") && core.length() > 3) {
                out.add(core.substring(0, core.length() - 3));
                out.add(core.substring(core.length() - 3));
            } else if ((lower.endsWith("'s") || lower.endsWith("'m") || lower.endsWith("'d")) && core.length() > 2) {
                out.add(core.substring(0, core.length() - 2));
                out.add(core.substring(core.length() - 2));
            } else if (!core.isEmpty()) {
                out.add(core);
            }
            out.addAll(tail);
        }
        return out;
    }

    /** Python's {@code str()} of a value Playwright returned from a page script. */
    static String pyStr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue()); // Playwright turns JS integers into Python ints
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) {
                items.add(o instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'" : pyStr(o));
            }
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(value);
    }
}
