package dev.gauntlet.suites.webarena;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * NLTK's {@code word_tokenize} as both WebArena harnesses call it: the text is split into sentences by Punkt's rules
 * ({@link Sentences}, no trained abbreviation list), then each sentence by NLTK's improved Treebank word tokenizer.
 * Written from the tokenizer's documented rule list (NLTK 3.10): quotes, punctuation, brackets and dashes are padded
 * with spaces in a fixed order, then contractions are split and the text is split on whitespace.
 */
final class WordTokens {

    private WordTokens() {}

    private record Rule(Pattern pattern, String replacement) {
        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    // Python's \w, \d and \s are Unicode-aware and its $ only sees a final \n: the flags give Java the same reading.
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex, FLAGS), replacement);
    }

    private static final List<Rule> STARTING_QUOTES = List.of(
            rule("([«“‘„]|`+)", " $1 "),
            rule("^\"", "``"),
            rule("(``)", " $1 "),
            rule("([ (\\[{<])(\"|'{2})", "$1 `` "),
            // an opening single quote before a word that is not a clitic ('re, 've, 'll, 'm, 't, 's, 'd, 'n)
            rule("(?i)(?<!\\w)(')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)", "$1 "));

    private static final List<Rule> PUNCTUATION = List.of(
            rule("([^.])(\\.)([\\])}>\"'»”’ ]*)\\s*$", "$1 $2 $3 "),
            rule("([:,])([^\\d])", " $1 $2"), // a comma or colon splits off unless a digit follows (3,000 stays)
            rule("([:,])$", " $1 "),
            rule("\\.{2,}", " $0 "),            // an ellipsis is one token
            rule("[;@#$%&]", " $0 "),
            rule("[\\u2012-\\u2015]", " $0 "),  // figure, en and em dashes, horizontal bar
            rule("([^.])(\\.)([\\])}>\"']*)\\s*$", "$1 $2$3 "), // the final period
            rule("[?!]", " $0 "),
            rule("([^'])' ", "$1 ' "),
            rule("[*]", " $0 "));

    private static final Rule BRACKETS = rule("[\\]\\[(){}<>]", " $0 ");
    private static final Rule DOUBLE_DASH = rule("--", " -- ");

    private static final List<Rule> ENDING_QUOTES = List.of(
            rule("([»”’])", " $1 "),
            rule("''", " '' "),
            rule("\"", " '' "),
            rule("\\s+", " "),
            rule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
            rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "));

    private static final List<Rule> CONTRACTIONS = List.of(
            rule("(?i)\\b(can)(not)\\b", " $1 $2 "),
            rule("(?i)\\b(d)('ye)\\b", " $1 $2 "),
            rule("(?i)\\b(gim)(me)\\b", " $1 $2 "),
            rule("(?i)\\b(gon)(na)\\b", " $1 $2 "),
            rule("(?i)\\b(got)(ta)\\b", " $1 $2 "),
            rule("(?i)\\b(lem)(me)\\b", " $1 $2 "),
            rule("(?i)\\b(more)('n)\\b", " $1 $2 "),
            rule("(?i)\\b(wan)(na)(?=\\s)", " $1 $2 "),
            rule("(?i) ('t)(is)\\b", " $1 $2 "),
            rule("(?i) ('t)(was)\\b", " $1 $2 "));

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", FLAGS);

    /** The tokens of {@code text}: sentences first, then words, as {@code nltk.word_tokenize}. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : Sentences.of(text)) {
            out.addAll(treebank(sentence));
        }
        return out;
    }

    /** The Treebank word tokenizer on one sentence. */
    static List<String> treebank(String sentence) {
        String text = sentence;
        for (Rule r : STARTING_QUOTES) {
            text = r.apply(text);
        }
        for (Rule r : PUNCTUATION) {
            text = r.apply(text);
        }
        text = DOUBLE_DASH.apply(BRACKETS.apply(text));
        text = " " + text + " ";
        for (Rule r : ENDING_QUOTES) {
            text = r.apply(text);
        }
        for (Rule r : CONTRACTIONS) {
            text = r.apply(text);
        }
        String trimmed = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split(" "));
    }
}
