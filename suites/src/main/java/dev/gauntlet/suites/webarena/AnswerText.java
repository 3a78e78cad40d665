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
     * WebArena's must_include: a substring test, except that a one-item list (tokenize) whose reference is one
     * character and one token is looked up among the answer's NLTK tokens, so "3" does not match "13" (evaluators.py,
     * StringEvaluator.must_include). Lite's: whenever the reference is a single token, among the answer's tokens plus
     * the {@code /}-separated pieces of every token holding a {@code /}, so "12" matches "12/05/2023".
     */
    static boolean mustInclude(String ref, String pred, boolean tokenize, Dialect dialect) {
        String r = clean(ref, dialect);
        String p = clean(pred, dialect);
        if (dialect == Dialect.WEBARENA) {
            boolean byToken = tokenize && r.length() == 1 && WordTokens.of(r).size() == 1;
            return byToken ? WordTokens.of(p).contains(r) : p.contains(r);
        }
        if (WordTokens.of(r).size() != 1) {
            return p.contains(r);
        }
        List<String> tokens = new ArrayList<>(WordTokens.of(p));
        for (String token : List.copyOf(tokens)) {
            if (token.contains("/")) {
                tokens.addAll(List.of(token.split("/", -1)));
            }
        }
        return tokens.contains(r);
    }

    /** Lite's must_exclude: a single-token reference is looked up among the tokens, without the {@code /} pieces. */
    static boolean mustExclude(String ref, String pred) {
        String r = clean(ref, Dialect.LITE);
        String p = clean(pred, Dialect.LITE);
        return WordTokens.of(r).size() == 1 ? !WordTokens.of(p).contains(r) : !p.contains(r);
    }

    /** The answer's tokens as NLTK's {@code word_tokenize} gives them ({@link WordTokens}). */
    static List<String> tokens(String text) {
        return WordTokens.of(text);
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
