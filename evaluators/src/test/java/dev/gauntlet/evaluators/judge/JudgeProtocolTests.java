package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The judges follow their published protocols in what the model sees and how its reply is read, each test citing
 * the script it checks: WebVoyager's evaluation/auto_eval.py, Online-Mind2Web's WebJudge and extract_predication,
 * Agent-Eval-Refine's final_eval_v3_gpt4v and extract_content, AgentRewardBench's judge and metrics.
 */
class JudgeProtocolTests {

    static final String ANSWER = "Vegan Lasagna II, 212 reviews";

    @TempDir
    Path runDir;
    StandInServer server;

    @BeforeEach
    void start() throws IOException {
        server = StandInServer.start().otherwise(Reply.text("no verdict here"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A trajectory of {@code shots} steps, each with its screenshot, the last one answering (or not). */
    private Trajectory trajectory(int shots, String answer) throws IOException {
        Task task = new Task("webvoyager", "Allrecipes--3", "Find a vegan lasagna recipe with over 100 reviews.",
                List.of("http://localhost/"), Set.of(), null, Set.of("*"), 0, Map.of());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < shots; i++) {
            String name = String.format("shots/step-%02d.png", i);
            Path png = runDir.resolve(name);
            Files.createDirectories(png.getParent());
            Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) i, (byte) (i >> 8)});
            Action a = i == shots - 1 && !answer.isEmpty() ? new Action.Answer(answer) : new Action.Click(Integer.toString(i));
            steps.add(new Step(i, "http://localhost/p" + i, "Recipes", "[1] link \"Home\"", a, "", name, 0, 0, 0, ""));
        }
        return new Trajectory(task, 0, "llm", steps, answer, "http://localhost/end", "", answer.isEmpty() ? "limit" : "answer");
    }

    private EvaluationContext context(String... keyValues) {
        Map<String, String> values = new HashMap<>(Map.of("llm.base_url", server.baseUrl(), "llm.model", "judge-7b",
                "llm.cache_dir", "off", "llm.max_retries", "0"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new EvaluationContext(Config.of(values), Optional.empty(), runDir);
    }

    private StandInServer.Received last() {
        List<StandInServer.Received> all = server.received();
        return all.get(all.size() - 1);
    }

    // WebVoyager: auto_eval.py

    @Test
    void webVoyagerShowsTheLastScreenshotOnlyByDefaultThenAClosingText() throws Exception {
        // --max_attached_imgs defaults to 1; the user content is text, the images, then a closing text
        server.script(Reply.text("SUCCESS"));
        new WebVoyagerJudge().evaluate(trajectory(4, ANSWER), context());
        var body = last().body();
        assertEquals(1, last().imageUrls().size());
        var parts = body.path("messages").get(1).path("content");
        assertEquals("text", parts.get(0).path("type").asText());
        assertTrue(parts.get(0).path("text").asText().contains(ANSWER));
        assertEquals("image_url", parts.get(1).path("type").asText());
        assertEquals("text", parts.get(2).path("type").asText());
        assertEquals(42, body.path("seed").asInt());
        assertEquals(1000, body.path("max_tokens").asInt());
        assertEquals(0.0, body.path("temperature").asDouble());
    }

    @Test
    void webVoyagerFailsAnEpisodeWithoutAnswerWithoutACall() throws Exception {
        // "Not find answer for ..." → return 0, before any API call
        Verdict v = new WebVoyagerJudge().evaluate(trajectory(3, ""), context());
        assertEquals(Verdict.Outcome.FAILURE, v.outcome());
        assertEquals(0, server.requests());
    }

    @Test
    void webVoyagerReadsNotSuccessFirstThenSuccessCaseSensitively() throws Exception {
        // 0 if 'NOT SUCCESS' in reply else 1; None if 'SUCCESS' not in reply
        server.script(Reply.text("SUCCESS? No: NOT SUCCESS"), Reply.text("The task was a SUCCESS, I think."),
                Reply.text("success"), Reply.text("success"));
        Trajectory t = trajectory(2, ANSWER);
        assertEquals(Verdict.Outcome.FAILURE, new WebVoyagerJudge().evaluate(t, context()).outcome());
        assertEquals(Verdict.Outcome.SUCCESS, new WebVoyagerJudge().evaluate(t, context()).outcome());
        assertEquals(Verdict.Outcome.UNSCORED, new WebVoyagerJudge().evaluate(t, context()).outcome());
        // its None is no verdict in either reading
        assertEquals(Verdict.Outcome.UNSCORED,
                new WebVoyagerJudge().evaluate(t, context("judge.unreadable", "unscored")).outcome());
    }

    // WebJudge: WebJudge_Online_Mind2Web_eval and utils.extract_predication

    @Test
    void webJudgeScoresEveryScreenshotKeepsThoseAtTheThresholdAndHidesTheAnswer() throws Exception {
        server.script(Reply.text("**Key Points**:\n\n  1. vegan lasagna\n  2. over 100 reviews"),
                Reply.text("### Reasoning: a search box\n### Score: 2"),
                Reply.text("### Reasoning: the results\nlisted\n### Score: 3"),
                Reply.text("I cannot rate this."), // unreadable: 0
                Reply.text("### Reasoning: the recipe page\n### Score**: 5"),
                Reply.text("Thoughts: both met.\nStatus: \"success\""));
        Verdict v = new WebJudge().evaluate(trajectory(4, ANSWER), context());
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        assertEquals(6, server.requests(), "one key-point call, one per screenshot, one final");
        String finalText = last().allText();
        assertEquals(2, last().imageUrls().size());
        // the reasoning runs up to "### Score" with its line breaks as spaces, a trailing one included
        assertTrue(finalText.contains("1. the results listed \n2. the recipe page "), finalText);
        assertTrue(finalText.contains("\n1. vegan lasagna\n2. over 100 reviews"), finalText);
        assertTrue(finalText.contains("1. click('0')\n2. click('1')\n3. click('2')"), finalText);
        assertFalse(finalText.contains("212 reviews"), "the final call does not see the answer");
        assertEquals(List.of(2, 3, 0, 5), ((List<?>) v.evidence().get("relevance")).stream()
                .map(r -> ((Map<?, ?>) r).get("score")).toList());
    }

    @Test
    void webJudgeWithNoImageKeptSendsNoReasonsPart() throws Exception {
        server.script(Reply.text("Key Points: 1. lasagna"), Reply.text("### Score: 1"), Reply.text("### Score: 2"),
                Reply.text("Status: failure"));
        Verdict v = new WebJudge().evaluate(trajectory(2, ANSWER), context());
        assertEquals(Verdict.Outcome.FAILURE, v.outcome());
        assertEquals(0, last().imageUrls().size());
        assertFalse(last().allText().contains("may matter, and why"), last().allText());
    }

    @Test
    void webJudgeThresholdIsASetting() throws Exception {
        server.script(Reply.text("Key Points: x"), Reply.text("### Score: 2"), Reply.text("Status: success"));
        new WebJudge().evaluate(trajectory(1, ANSWER), context("judge.webjudge.threshold", "2"));
        assertEquals(1, last().imageUrls().size());
    }

    @Test
    void webJudgeKeepsAtMostFiftyImages() throws Exception {
        // whole_content_img[:MAX_IMAGE], MAX_IMAGE = 50
        server.script(Reply.text("Key Points: x"));
        server.otherwise(Reply.text("### Reasoning: r\n### Score: 4"));
        Trajectory t = trajectory(52, ANSWER);
        Verdict v = new WebJudge().evaluate(t, context()); // the final reply is the default too: unreadable
        assertEquals(50, last().imageUrls().size());
        assertEquals(54, server.requests());
        assertEquals(50, v.evidence().get("kept"));
    }

    @Test
    void webJudgeReadsTheTextAfterTheFirstStatusAsTheScriptDoes() {
        // "success" in response.lower().split('status:')[1], else 0; an exception (no status:) is 0
        assertEquals(true, WebJudgeReplies.status("Thoughts: no.\nStatus: unsuccessful"));
        assertEquals(false, WebJudgeReplies.status("STATUS: failure. Later status: success"));
        assertEquals(null, WebJudgeReplies.status("Thoughts: it worked, a success."));
        assertEquals(1, WebJudgeReplies.relevance("### Score: 10").score()); // the first digit 1-5
        assertEquals(0, WebJudgeReplies.relevance("Score: 4").score());
        assertEquals("\n1. a\n2. b", WebJudgeReplies.keyPoints("Intro\nKey Points:\n 1. a\n\n 2. b"));
    }

    @Test
    void webJudgeCountsAReplyWithoutStatusAsAFailureUnlessAskedToLeaveItUnscored() throws Exception {
        server.script(Reply.text("Key Points: x"), Reply.text("### Score: 1"), Reply.text("It went well."),
                Reply.text("Key Points: x"), Reply.text("### Score: 1"), Reply.text("It went well."));
        Trajectory t = trajectory(1, ANSWER);
        assertEquals(Verdict.Outcome.FAILURE, new WebJudge().evaluate(t, context()).outcome());
        assertEquals(Verdict.Outcome.UNSCORED,
                new WebJudge().evaluate(t, context("judge.unreadable", "unscored")).outcome());
    }

    // Agent-Eval-Refine: final_eval_v3_gpt4v, extract_content, run_eval_web.py

    @Test
    void evalRefineSeesNoAnswerAndReadsTheFirstStatusLine() throws Exception {
        server.script(Reply.text("Thoughts: done.\nStatus: \"success\"\nStatus: failure"),
                Reply.text("Thoughts: hm.\nStatus: successful"),
                Reply.text("**Status:** success"),
                Reply.text("**Status:** success"));
        Trajectory t = trajectory(3, ANSWER);
        Verdict first = new EvalRefineJudge().evaluate(t, context());
        assertEquals(Verdict.Outcome.SUCCESS, first.outcome(), first.explanation());
        assertFalse(last().allText().contains("212 reviews"), "the screenshot variant's prompt has no answer");
        assertEquals(1, last().imageUrls().size());
        assertTrue(last().allText().contains("1: click('0')"), last().allText());
        // status == "success" or "Success" only
        assertEquals(Verdict.Outcome.FAILURE, new EvalRefineJudge().evaluate(t, context()).outcome());
        // no line starts with "Status:": extract_content returns "", which is not success
        assertEquals(Verdict.Outcome.FAILURE, new EvalRefineJudge().evaluate(t, context()).outcome());
        assertEquals(Verdict.Outcome.UNSCORED,
                new EvalRefineJudge().evaluate(t, context("judge.unreadable", "unscored")).outcome());
    }

    // AgentRewardBench: judge/__init__.py get_content_inside_tag, eval/metrics.py numerize

    @Test
    void rewardBenchAsksFourQuestionsAndTheFirstTagWins() throws Exception {
        server.script(Reply.text("<reasoning>r</reasoning><success>Unsuccessful</success> or maybe "
                        + "<success>Successful</success><side>No</side><optimal>2. Suboptimal</optimal><loop>Yes</loop>"),
                Reply.text("<success>'Successful'</success>"),
                Reply.text("I think it worked."), Reply.text("I think it worked."));
        Trajectory t = trajectory(2, ANSWER);
        Verdict v = new AxTreeJudge().evaluate(t, context());
        assertEquals(Verdict.Outcome.FAILURE, v.outcome());
        assertEquals("2. Suboptimal", v.evidence().get("optimal"));
        assertEquals("Yes", v.evidence().get("loop"));
        String system = last().body().path("messages").get(0).path("content").asText();
        for (String tag : List.of("<success>", "<side>", "<optimal>", "<loop>")) {
            assertTrue(system.contains(tag), tag);
        }
        assertEquals(0, last().imageUrls().size(), "no screenshot unless asked");
        assertEquals(Verdict.Outcome.SUCCESS, new AxTreeJudge().evaluate(t, context()).outcome());
        // a missing label is numerized to 0
        assertEquals(Verdict.Outcome.FAILURE, new AxTreeJudge().evaluate(t, context()).outcome());
        assertEquals(Verdict.Outcome.UNSCORED,
                new AxTreeJudge().evaluate(t, context("judge.unreadable", "unscored")).outcome());
    }

    @Test
    void rewardBenchCanAlsoSeeTheLastScreenshot() throws Exception {
        server.script(Reply.text("<success>Successful</success>"));
        new AxTreeJudge().evaluate(trajectory(3, ANSWER), context("judge.axtree.screenshot", "true"));
        assertEquals(1, last().imageUrls().size());
    }

    // -Djudge.<name>.prompt=FILE

    @Test
    void aPromptTemplateReplacesTheJudgesWordingSectionBySection() throws Exception {
        Path file = runDir.resolve("wv.txt");
        Files.writeString(file, "=== system ===\nYou grade. {answer} stays literal here? No: it is filled.\n"
                + "=== user ===\nTASK: {task}\nResult Response: {answer}\n{num} screenshots at the end: {unknown}\n");
        server.script(Reply.text("SUCCESS"));
        new WebVoyagerJudge().evaluate(trajectory(2, ANSWER), context("judge.webvoyager.prompt", file.toString()));
        var messages = last().body().path("messages");
        assertEquals("You grade. " + ANSWER + " stays literal here? No: it is filled.",
                messages.get(0).path("content").asText());
        assertEquals("TASK: Find a vegan lasagna recipe with over 100 reviews.\nResult Response: " + ANSWER
                + "\n1 screenshots at the end: {unknown}", messages.get(1).path("content").get(0).path("text").asText());
        assertEquals("Verdict:\n", messages.get(1).path("content").get(2).path("text").asText(),
                "a section the file leaves out keeps ours");
    }

    @Test
    void aTemplateFileIsCheckedUpFront() throws Exception {
        Path file = runDir.resolve("bad.txt");
        Files.writeString(file, "=== sytem ===\nx\n");
        var e = assertThrows(ConfigException.class, () -> Settings.JUDGE_WEBVOYAGER_PROMPT.read(
                Config.of(Map.of("judge.webvoyager.prompt", file.toString()))));
        assertTrue(e.getMessage().contains("bad.txt line 1") && e.getMessage().contains("'sytem'"), e.getMessage());
        Files.writeString(file, "no sections at all\n");
        e = assertThrows(ConfigException.class, () -> Settings.JUDGE_WEBVOYAGER_PROMPT.read(
                Config.of(Map.of("judge.webvoyager.prompt", file.toString()))));
        assertTrue(e.getMessage().contains("before any section"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Settings.JUDGE_WEBVOYAGER_PROMPT.read(
                Config.of(Map.of("judge.webvoyager.prompt", runDir.resolve("none.txt").toString()))));
        assertTrue(e.getMessage().startsWith("'judge.webvoyager.prompt' is"), e.getMessage());
    }
}
