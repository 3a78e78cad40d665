package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gauntlet.suites.webarena.Fabricated.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** string_match in both dialects, on fabricated answers; fuzzy branches against a stand-in model server. */
class WebArenaStringMatchTests {

    StandInServer judge;

    @BeforeEach
    void start() throws Exception {
        judge = StandInServer.start();
    }

    @AfterEach
    void stop() {
        judge.close();
    }

    private Verdict wa(String refs, String answer) throws Exception {
        return Fabricated.evaluate("webarena", strings(refs), answer);
    }

    private Verdict lite(String refs, String answer) throws Exception {
        return Fabricated.evaluate("lite", strings(refs), answer);
    }

    private Verdict judged(String dialect, String refs, String answer) throws Exception {
        return Fabricated.evaluate(dialect, strings(refs), answer, "http://shop.test/", Map.of(), null,
                Map.of("llm.base_url", judge.baseUrl(), "llm.model", "judge-7b"));
    }

    private static void pass(Verdict v) {
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        assertEquals(1.0, v.score());
    }

    private static void fail(Verdict v) {
        assertEquals(Verdict.Outcome.FAILURE, v.outcome(), v.explanation());
    }

    @Test
    void exactMatchStripsOnePairOfQuotesAndIgnoresCase() throws Exception {
        pass(wa("{'exact_match': 'Sprite'}", "  'sprite' "));
        pass(wa("{'exact_match': 'Sprite'}", "\"SPRITE\""));
        fail(wa("{'exact_match': 'Sprite'}", "Sprite Ball"));
        fail(lite("{'exact_match': 'Sprite'}", " sprite")); // Lite does not strip
    }

    @Test
    void mustIncludeIsSubstringPerItemButOneCharacterAloneMustBeAToken() throws Exception {
        pass(wa("{'must_include': ['Impulse Duffle', 'Overnight Duffle']}", "overnight duffle, impulse duffle"));
        fail(wa("{'must_include': ['Impulse Duffle', 'Overnight Duffle']}", "Impulse Duffle only"));
        pass(wa("{'must_include': ['3']}", "You placed 3 orders."));
        fail(wa("{'must_include': ['3']}", "You placed 13 orders"));
        pass(wa("{'must_include': ['3', 'orders']}", "13 orders")); // with two items nothing is tokenized
        pass(wa("{'must_include': ['nike']}", "nikes")); // more than one character: substring
        fail(lite("{'must_include': ['nike']}", "nikes")); // Lite tokenizes every single-token reference
    }

    @Test
    void liteAddsAlternativesExclusionsOneOfAndNumericRules() throws Exception {
        pass(lite("{'must_include': ['Joust Bag |OR| Joust Duffle']}", "the joust duffle"));
        pass(lite("{'must_exclude': ['refund']}", "no money back"));
        fail(lite("{'must_exclude': ['refund']}", "a refund was issued"));
        pass(lite("{'one_of': ['red', 'blue']}", "it is blue"));
        fail(lite("{'one_of': ['red', 'blue']}", "green"));
        pass(lite("{'required_values': ['>= 3', '< 10']}", "1,0"));
        pass(lite("{'required_values': ['< 5']}", "5")); // upstream's tolerance makes < inclusive
        pass(lite("{'required_values': ['== 2 |OR| == 4']}", "4"));
        fail(lite("{'required_values': ['== 2']}", "two"));
    }

    @Test
    void liteKeysAreRejectedInTheWebArenaDialect() {
        assertThrows(IllegalArgumentException.class, () -> wa("{'one_of': ['a']}", "a"));
        assertThrows(IllegalArgumentException.class, () -> wa("{'shout': ['a']}", "a"));
    }

    @Test
    void notAchievableNeedsTheExactAnswerOrTheSameReason() throws Exception {
        pass(wa("{'fuzzy_match': 'N/A'}", "n/a"));
        assertEquals(0, judge.requests()); // an exact N/A needs no model call
        judge.script(Reply.text("They are the same."), Reply.text("Different."));
        pass(judged("webarena", "{'fuzzy_match': 'N/A'}", "That product is not sold here"));
        assertTrue(judge.received().get(0).allText().contains("the store sells no such item"));
        fail(judged("webarena", "{'fuzzy_match': 'N/A'}", "The site was down"));
    }

    @Test
    void fuzzyMatchAsksOncePerItemAndOnlyCorrectPasses() throws Exception {
        judge.script(Reply.text("correct"), Reply.text("correct"));
        pass(judged("webarena", "{'fuzzy_match': ['driving: 2min', 'walking: 16min']}", "2 and 16 minutes"));
        assertEquals(2, judge.requests());
        judge.script(Reply.text("The answer is partially correct"));
        fail(judged("webarena", "{'fuzzy_match': ['a']}", "b"));
        judge.script(Reply.text("incorrect"));
        fail(judged("webarena", "{'fuzzy_match': ['a']}", "b"));
    }

    @Test
    void liteJoinsTheFuzzyListIntoOneCall() throws Exception {
        judge.script(Reply.text("correct"));
        pass(judged("lite", "{'fuzzy_match': ['0 order', '$0 total spend']}", "none, nothing spent"));
        assertEquals(1, judge.requests());
        assertTrue(judge.received().get(0).allText().contains("0 order, $0 total spend"));
    }

    @Test
    void withoutAJudgeFuzzyMatchIsUnscoredUnlessSomethingElseAlreadyFailed() throws Exception {
        Verdict v = wa("{'fuzzy_match': ['a']}", "a");
        assertEquals(Verdict.Outcome.UNSCORED, v.outcome());
        assertEquals("needs a judge for fuzzy_match: set -Dllm.base_url and -Dllm.model", v.explanation());
        String both = "{'eval_types': ['url_match', 'string_match'], 'reference_answers': {'fuzzy_match': ['a']},"
                + " 'reference_url': 'http://shop.test/cart', 'program_html': []}";
        fail(Fabricated.evaluate("webarena", both, "a"));
    }

    @Test
    void aReplyWithNoVerdictLeavesTheTaskUnscored() throws Exception {
        judge.script(Reply.text("I cannot tell."));
        Verdict v = judged("webarena", "{'fuzzy_match': ['a']}", "b");
        assertEquals(Verdict.Outcome.UNSCORED, v.outcome());
        assertTrue(v.explanation().contains("names no verdict"), v.explanation());
    }

    @Test
    void anUnknownEvalTypeBreaksTheTaskWithItsName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Fabricated.evaluate("webarena",
                "{'eval_types': ['page_image_query'], 'reference_answers': null}", "x"));
        assertTrue(e.getMessage().contains("page_image_query"));
    }

    @Test
    void tokenizerSplitsPunctuationOffWordEndsAsNltk() {
        assertEquals(java.util.List.of("$", "3", "."), AnswerText.tokens("$3."));
        assertEquals(java.util.List.of("3,000", "items"), AnswerText.tokens("3,000 items"));
        assertEquals(java.util.List.of("do", "n't"), AnswerText.tokens("don't"));
    }
}
