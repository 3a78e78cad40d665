package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.gauntlet.suites.webarena.Fabricated.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The judged string checks' protocol as upstream's evaluation_harness (llm_fuzzy_match, llm_ua_match,
 * StringEvaluator) and VisualAgentBench's WebArena-Lite copy run it, against a stand-in model server.
 */
class WebArenaJudgedCheckTests {

    StandInServer judge;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        judge = StandInServer.start();
    }

    @AfterEach
    void stop() {
        judge.close();
    }

    private Verdict judged(String dialect, String evalJson, String answer, Map<String, String> extra) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("llm.base_url", judge.baseUrl(), "llm.model", "judge-7b"));
        config.putAll(extra);
        return Fabricated.evaluate(dialect, evalJson, answer, "http://shop.test/", Map.of(), null, config);
    }

    private Verdict judged(String dialect, String refs, String answer) throws Exception {
        return judged(dialect, strings(refs), answer, Map.of());
    }

    private String lastPrompt() {
        var all = judge.received();
        return all.get(all.size() - 1).body().path("messages").get(1).path("content").asText();
    }

    @Test
    void everyFuzzyItemIsAskedEvenAfterOneWasIncorrect() throws Exception {
        // evaluators.py StringEvaluator: `for reference in value: score *= self.fuzzy_match(...)`, no early exit
        judge.script(Reply.text("incorrect"), Reply.text("correct"));
        Verdict v = judged("webarena", "{'fuzzy_match': ['2 min', '16 min']}", "2 min");
        assertEquals(Verdict.Outcome.FAILURE, v.outcome(), v.explanation());
        assertEquals(2, judge.requests());
        assertTrue(lastPrompt().contains("16 min"), lastPrompt());
    }

    @Test
    void aLaterItemWithoutAVerdictDropsTheTaskThoughAnEarlierOneFailed() throws Exception {
        // llm_fuzzy_match asserts "correct" in the reply; run.py's loop catches it and appends no score
        judge.script(Reply.text("incorrect"), Reply.text("I cannot say."));
        Verdict v = judged("webarena", "{'fuzzy_match': ['a', 'b']}", "c");
        assertEquals(Verdict.Outcome.UNSCORED, v.outcome(), v.explanation());
        assertTrue(v.explanation().contains("names no verdict"), v.explanation());
    }

    @Test
    void aReplyWithoutAVerdictDropsTheTaskThoughAnotherEvalTypeScoredZero() throws Exception {
        // EvaluatorComb runs every eval type; the assert in string_match ends the task's evaluation
        judge.script(Reply.text("No idea."));
        String eval = "{'eval_types': ['url_match', 'string_match'], 'reference_answers': {'fuzzy_match': ['a']},"
                + " 'reference_url': 'http://shop.test/cart', 'program_html': []}";
        Verdict v = judged("webarena", eval, "a", Map.of());
        assertEquals(Verdict.Outcome.UNSCORED, v.outcome(), v.explanation());
    }

    @Test
    void verdictWordsAreReadAsUpstreamReadsTheLowerCasedReply() throws Exception {
        // "partially correct" or "incorrect" anywhere → 0; else "correct" anywhere → 1
        judge.script(Reply.text("INCORRECT."), Reply.text("Correct"), Reply.text("It is not correct"),
                Reply.text("correct, though partially correct in places"));
        assertEquals(Verdict.Outcome.FAILURE, judged("webarena", "{'fuzzy_match': ['a']}", "b").outcome());
        assertEquals(Verdict.Outcome.SUCCESS, judged("webarena", "{'fuzzy_match': ['a']}", "b").outcome());
        // a quirk kept: "not correct" holds "correct" and neither failing phrase
        assertEquals(Verdict.Outcome.SUCCESS, judged("webarena", "{'fuzzy_match': ['a']}", "b").outcome());
        assertEquals(Verdict.Outcome.FAILURE, judged("webarena", "{'fuzzy_match': ['a']}", "b").outcome());
    }

    @Test
    void theReasonCheckReadsDifferentBeforeSameAndGetsTheStringNoteAndTheCleanedAnswer() throws Exception {
        // llm_ua_match: "different" → 0, else assert "same" → 1; called with string_note and the cleaned pred
        judge.script(Reply.text("Not the same: different."), Reply.text("SAME"), Reply.text("They disagree."));
        assertEquals(Verdict.Outcome.FAILURE, judged("webarena", "{'fuzzy_match': 'N/A'}", "x").outcome());
        assertEquals(Verdict.Outcome.SUCCESS, judged("webarena", "{'fuzzy_match': 'N/A'}", " 'No Such Item' ").outcome());
        String prompt = lastPrompt();
        assertTrue(prompt.contains("the store sells no such item"), prompt);
        assertTrue(prompt.contains("no such item") && !prompt.contains("No Such Item"), prompt);
        assertEquals(Verdict.Outcome.UNSCORED, judged("webarena", "{'fuzzy_match': 'N/A'}", "x").outcome());
    }

    @Test
    void onlyLitesPromptDemandsOneOptionAlone() throws Exception {
        // VAB-WebArena-Lite's llm_fuzzy_match adds "Only output one of these options"; WebArena's does not
        judge.script(Reply.text("correct"), Reply.text("correct"));
        judged("lite", "{'fuzzy_match': ['a']}", "a");
        assertTrue(lastPrompt().contains("Write nothing else"), lastPrompt());
        judged("webarena", "{'fuzzy_match': ['a']}", "a");
        assertFalse(lastPrompt().contains("Write nothing else"), lastPrompt());
        assertEquals("You are a helpful assistant",
                judge.received().get(1).body().path("messages").get(0).path("content").asText());
        assertEquals(768, judge.received().get(1).body().path("max_tokens").asInt());
    }

    @Test
    void promptTemplatesFromTheUsersFolderReplaceOurWording() throws Exception {
        Files.writeString(dir.resolve("fuzzy_match.txt"), "Q={question} R={reference} P={pred} {pred}");
        Files.writeString(dir.resolve("ua_match.txt"), "T={question}|A={reference}|R={pred}");
        Map<String, String> prompts = Map.of("webarena.prompts", dir.toString());
        judge.script(Reply.text("correct"), Reply.text("same"), Reply.text("correct"));
        judged("webarena", strings("{'fuzzy_match': ['Ten {pred}']}"), "Ten", prompts);
        assertEquals("Q=What is asked? R=Ten {pred} P=ten ten", lastPrompt()); // filled in one pass
        judged("webarena", strings("{'fuzzy_match': 'N/A'}"), "gone", prompts);
        assertEquals("T=What is asked?|A=the store sells no such item|R=gone", lastPrompt());
        judged("lite", strings("{'fuzzy_match': ['a']}"), "a", prompts); // no Lite file: our Lite wording
        assertTrue(lastPrompt().contains("Write nothing else"), lastPrompt());
    }

    @Test
    void aPromptsFolderIsCheckedUpFrontNamingTheFileAndWhatIsWrong() throws Exception {
        var e = assertThrows(ConfigException.class, () -> WebArenaSettings.PROMPTS.read(
                dev.gauntlet.api.Config.of(Map.of("webarena.prompts", dir.toString()))));
        assertTrue(e.getMessage().contains("fuzzy_match.txt") && e.getMessage().contains("holds none"), e.getMessage());
        Files.writeString(dir.resolve("ua_match.txt"), "task {question}; reason {reference}");
        e = assertThrows(ConfigException.class, () -> WebArenaSettings.PROMPTS.read(
                dev.gauntlet.api.Config.of(Map.of("webarena.prompts", dir.toString()))));
        assertTrue(e.getMessage().contains("ua_match.txt") && e.getMessage().contains("{pred}"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> WebArenaSettings.PROMPTS.read(
                dev.gauntlet.api.Config.of(Map.of("webarena.prompts", dir.resolve("nope").toString()))));
        assertTrue(e.getMessage().startsWith("'webarena.prompts' is"), e.getMessage());
    }
}
