package dev.gauntlet.suites.webarena;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gauntlet.suites.webarena.Fabricated.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Conformance corpus for NLTK's {@code word_tokenize} (Punkt sentences, then the improved Treebank word tokenizer)
 * as WebArena's and WebArena-Lite's must_include use it. Every expected list was produced by NLTK 3.10.3
 * ({@code PunktSentenceTokenizer()} without a trained model, then {@code NLTKWordTokenizer().tokenize}); a
 * 4,000-string random corpus agreed token for token when this was written.
 */
class WebArenaTokenizerTests {

    private static void tokens(String text, String... expected) {
        assertEquals(List.of(expected), WordTokens.of(text), text);
    }

    @Test
    void treebankSplitsCurrencyPercentAndBracketsAnywhere() {
        tokens("It costs $3.88 (roughly 3,36 euros) in New York.  Please buy me two.",
                "It", "costs", "$", "3.88", "(", "roughly", "3,36", "euros", ")", "in", "New", "York", ".",
                "Please", "buy", "me", "two", ".");
        tokens("50%", "50", "%");
        tokens("order #000000170", "order", "#", "000000170");
        tokens("a@b.com", "a", "@", "b.com");
        tokens("rock & roll; pop", "rock", "&", "roll", ";", "pop");
    }

    @Test
    void commaSplitsOffOnlyBeforeANonDigit() {
        tokens("Jan 12, 2023", "Jan", "12", ",", "2023");
        tokens("Price: $10,000.50.", "Price", ":", "$", "10,000.50", ".");
        tokens("It's 5:30 pm", "It", "'s", "5:30", "pm");
    }

    @Test
    void datesAndFractionsStayOneToken() {
        tokens("01/12/2023", "01/12/2023");
        tokens("1/2", "1/2");
        tokens("3/4 cup", "3/4", "cup");
        tokens(" 2022-09-10 ", "2022-09-10");
    }

    @Test
    void onlyASentenceFinalPeriodSplitsOff() {
        tokens("The answer is 3.", "The", "answer", "is", "3", ".");
        tokens("100.", "100", ".");
        tokens("Mr. Smith went to Washington. He left.",
                "Mr", ".", "Smith", "went", "to", "Washington", ".", "He", "left", ".");
        tokens("A.B.C. corp", "A.B.C", ".", "corp");
    }

    @Test
    void punktKeepsANumberOrInitialBeforeALowerCaseWordInTheSentence() {
        // Punkt's orthographic heuristic: "3." before a lower-case word is not a sentence end, so "3." stays whole
        tokens("costs 3. then more", "costs", "3.", "then", "more");
        tokens("costs 3. Then more", "costs", "3", ".", "Then", "more");
        tokens("J. Smith is here.", "J.", "Smith", "is", "here", ".");
        tokens("e.g. this one", "e.g", ".", "this", "one");
    }

    @Test
    void ellipsisIsOneTokenAndDoesNotEndTheSentence() {
        tokens("hello... world", "hello", "...", "world");
        tokens("the 2nd item... next", "the", "2nd", "item", "...", "next");
    }

    @Test
    void quotesBecomeTreebankQuoteTokens() {
        tokens("\"quoted\"", "``", "quoted", "''");
        tokens("'single'", "'", "single", "'");
        tokens("He said, \"Hi.\" Then left.", "He", "said", ",", "``", "Hi", ".", "''", "Then", "left", ".");
        tokens("“smart quotes” and ‘single’", "“", "smart", "quotes", "”", "and", "‘", "single", "’");
        tokens("(Sent1.) Sent2.", "(", "Sent1", ".", ")", "Sent2", ".");
    }

    @Test
    void contractionsAreSplit() {
        tokens("I can't do it, won't you?", "I", "ca", "n't", "do", "it", ",", "wo", "n't", "you", "?");
        tokens("They're here. We've gone! Isn't it?",
                "They", "'re", "here", ".", "We", "'ve", "gone", "!", "Is", "n't", "it", "?");
        tokens("gonna wanna gotta cannot", "gon", "na", "wan", "na", "got", "ta", "can", "not");
        tokens("'tis the season", "'", "tis", "the", "season"); // the opening-quote rule runs before 'tis
        tokens("I don't know -- maybe.", "I", "do", "n't", "know", "--", "maybe", ".");
    }

    @Test
    void questionAndExclamationMarksEndSentences() {
        tokens("what? yes! ok.", "what", "?", "yes", "!", "ok", ".");
    }

    // --- must_include as each harness applies the tokens -----------------------------------------------------

    private static boolean wa(String ref, String answer) throws Exception {
        return Fabricated.evaluate("webarena", strings("{'must_include': ['" + ref + "']}"), answer).score() == 1;
    }

    private static boolean lite(String ref, String answer) throws Exception {
        return Fabricated.evaluate("lite", strings("{'must_include': ['" + ref + "']}"), answer).score() == 1;
    }

    @Test
    void webArenaTokenizesOnlyAOneCharacterReference() throws Exception {
        // evaluators.py must_include: tokenize and len(clean_ref) == 1 and len(word_tokenize(clean_ref)) == 1
        assertEquals(true, wa("3", "The answer is 3."));
        assertEquals(true, wa("3", "$3"));
        assertEquals(false, wa("3", "13 items"));
        assertEquals(false, wa("3", "costs 3. then")); // "3." stays a token mid-sentence, as NLTK leaves it
        assertEquals(false, wa("2", "1/2"));           // WebArena has no '/' rule
        assertEquals(true, wa("12", "12/05/2023"));    // two characters: a substring test
    }

    @Test
    void liteTokenizesEverySingleTokenReferenceAndAddsSlashPieces() throws Exception {
        // VAB-WebArena-Lite evaluators.py must_include: tokens of the answer plus the '/'-split pieces
        assertEquals(true, lite("12", "12/05/2023"));
        assertEquals(true, lite("2023", "Jan 12, 2023"));
        assertEquals(true, lite("1/2", "1/2 cup"));
        assertEquals(true, lite("2", "1/2"));
        assertEquals(false, lite("2023", "Jan 12,2023"));  // "12,2023" is one token and holds no '/'
        assertEquals(false, lite("york", "in New York.x")); // "york.x" is one token
        assertEquals(true, lite("new york", "in New York.x")); // two tokens: a substring test
    }

    @Test
    void liteMustExcludeHasNoSlashRule() throws Exception {
        // must_exclude tokenizes as must_include but adds no '/' pieces: "12" is not excluded from "12/05"
        assertEquals(1.0, Fabricated.evaluate("lite", strings("{'must_exclude': ['12']}"), "12/05").score());
        assertEquals(0.0, Fabricated.evaluate("lite", strings("{'must_exclude': ['12']}"), "on 12 May").score());
    }
}
