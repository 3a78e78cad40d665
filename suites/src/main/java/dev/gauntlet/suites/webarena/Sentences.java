package dev.gauntlet.suites.webarena;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Punkt's sentence split as NLTK applies it, without a trained model (no abbreviation list, no learned orthographic
 * context). A candidate end is {@code . ? !} followed by punctuation or by whitespace and a token; it ends a
 * sentence when Punkt's annotation marks a token of its context as a break: a bare end mark, or a word ending in a
 * period, except an ellipsis, an initial ({@code J.}) before a capitalised or lower-case word, or a number before a
 * lower-case word or punctuation. Closing quotes and brackets after the end stay with the sentence.
 */
final class Sentences {

    private Sentences() {}

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
    private static final String NON_WORD = "(?:[)\";}\\]*:@'({\\[\\u2018\\u2019\\u201c\\u201d\\u00ab\\u00bb!?])";
    private static final String MULTI_CHAR = "(?:-{2,}|\\.{2,}|(?:\\.\\s){2,}\\.)";
    private static final Pattern PERIOD_CONTEXT = Pattern.compile(
            "[.?!](?=(?<after>" + NON_WORD + "|\\s+(?<next>\\S+)))", FLAGS);
    private static final Pattern WORD = Pattern.compile(MULTI_CHAR
            + "|(?=[^(\"`{\\[:;&#*@)}\\]\\-,])\\S+?(?=\\s|$|" + NON_WORD + "|" + MULTI_CHAR
            + "|,(?=$|\\s|" + NON_WORD + "|" + MULTI_CHAR + "))|\\S", FLAGS);
    private static final Pattern REALIGN = Pattern.compile(
            "[\"')\\]}\\u2018\\u2019\\u201c\\u201d\\u00ab\\u00bb]+?(?:\\s+|(?=--)|$)", FLAGS | Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("^-?[.,]?\\d[\\d,.\\-]*\\.?$", FLAGS);
    private static final Pattern INITIAL = Pattern.compile("[^\\W\\d]\\.$", FLAGS);
    private static final Pattern ELLIPSIS = Pattern.compile("\\.\\.+$", FLAGS);
    private static final Pattern SPACE = Pattern.compile("\\s", FLAGS);

    /** The sentences of {@code text}, as {@code PunktSentenceTokenizer().tokenize(text)}. */
    static List<String> of(String text) {
        List<int[]> slices = new ArrayList<>();
        int lastBreak = 0;
        for (Candidate c : candidates(text)) {
            if (containsBreak(c.context())) {
                slices.add(new int[] {lastBreak, c.end()});
                lastBreak = c.nextStart() >= 0 ? c.nextStart() : c.end();
            }
        }
        slices.add(new int[] {lastBreak, rstrip(text).length()});
        return realign(text, slices);
    }

    private record Candidate(int end, int nextStart, String context) {}

    /** Each possible end with the word before it, overlapping ones kept as Punkt keeps them (the last one). */
    private static List<Candidate> candidates(String text) {
        List<Candidate> out = new ArrayList<>();
        Matcher m = PERIOD_CONTEXT.matcher(text);
        int prevStart = 0;
        int prevStop = 0;
        Candidate previous = null;
        while (m.find()) {
            String before = text.substring(prevStop, m.start());
            int lastSpace = 0;
            for (int i = before.length() - 1; i >= 0; i--) {
                if (SPACE.matcher(before.substring(i, i + 1)).matches()) {
                    lastSpace = i;
                    break;
                }
            }
            // Punkt's quirk: a whitespace at index 0 of the gap reads as "none found"
            int wordStart = lastSpace != 0 ? lastSpace + prevStop + 1 : prevStart;
            if (previous != null && prevStop <= wordStart) {
                out.add(previous);
            }
            previous = new Candidate(m.end(), m.group("next") != null ? m.start("next") : -1,
                    text.substring(wordStart, m.start()) + m.group() + m.group("after"));
            prevStart = wordStart;
            prevStop = m.start();
        }
        if (previous != null) {
            out.add(previous);
        }
        return out;
    }

    private static final class Token {
        final String tok;
        boolean sentbreak;
        boolean ellipsis;

        Token(String tok) {
            this.tok = tok;
        }

        boolean periodFinal() {
            return tok.endsWith(".");
        }

        String typeNoPeriod() {
            String type = NUMBER.matcher(tok.toLowerCase()).replaceAll("##number##");
            return type.length() > 1 && type.endsWith(".") ? type.substring(0, type.length() - 1) : type;
        }
    }

    /** Punkt's annotation of the context's tokens: true when a break is followed by another token. */
    private static boolean containsBreak(String context) {
        List<Token> tokens = new ArrayList<>();
        for (String line : context.split("\n", -1)) {
            if (!line.isBlank()) {
                Matcher w = WORD.matcher(line);
                while (w.find()) {
                    tokens.add(new Token(w.group()));
                }
            }
        }
        for (Token t : tokens) { // first pass; with no abbreviation list every other period-final word is a break
            if (t.tok.equals(".") || t.tok.equals("?") || t.tok.equals("!")) {
                t.sentbreak = true;
            } else if (ELLIPSIS.matcher(t.tok).matches()) {
                t.ellipsis = true;
            } else if (t.periodFinal() && !t.tok.endsWith("..")) {
                t.sentbreak = true;
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) { // second pass: initials and numbers by the next word's case
            Token t = tokens.get(i);
            Token next = tokens.get(i + 1);
            if (!t.periodFinal()) {
                continue;
            }
            boolean initial = INITIAL.matcher(t.tok).matches();
            if (initial || t.typeNoPeriod().equals("##number##")) {
                String starter = startsSentence(next);
                if (starter.equals("no") || starter.equals("unknown") && initial
                        && Character.isUpperCase(next.tok.codePointAt(0))) {
                    t.sentbreak = false;
                }
            }
        }
        boolean found = false;
        for (Token t : tokens) {
            if (found) {
                return true;
            }
            found = t.sentbreak;
        }
        return false;
    }

    /** Punkt's orthographic heuristic with no learned context: punctuation and lower case do not start one. */
    private static String startsSentence(Token t) {
        if (t.tok.length() == 1 && ";:,.!?".contains(t.tok)) {
            return "no";
        }
        return Character.isLowerCase(t.tok.codePointAt(0)) ? "no" : "unknown";
    }

    private static List<String> realign(String text, List<int[]> slices) {
        List<String> out = new ArrayList<>();
        int realign = 0;
        for (int i = 0; i < slices.size(); i++) {
            int start = slices.get(i)[0] + realign;
            int stop = slices.get(i)[1];
            if (i + 1 == slices.size()) {
                if (start < stop) {
                    out.add(text.substring(start, stop));
                }
                continue;
            }
            int[] second = slices.get(i + 1);
            Matcher m = REALIGN.matcher(text.substring(second[0], second[1]));
            if (m.lookingAt()) {
                out.add(text.substring(start, second[0] + rstrip(m.group()).length()));
                realign = m.end();
            } else {
                realign = 0;
                if (start < stop) {
                    out.add(text.substring(start, stop));
                }
            }
        }
        return out;
    }

    private static String rstrip(String s) {
        return s.replaceAll("(?U)\\s+$", "");
    }
}
