package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Judges on fabricated trajectories against a stand-in model server. */
class JudgeTests {

    @TempDir
    Path runDir;
    StandInServer server;
    Trajectory trajectory;

    @BeforeEach
    void setUp() throws IOException {
        server = StandInServer.start();
        Task task = new Task("webvoyager", "Allrecipes--3", "Find a vegan lasagna recipe with over 100 reviews.",
                List.of("http://localhost/"), Set.of(), null, Set.of("*"), 0, Map.of());
        List<Step> steps = List.of(
                step(0, new Action.Fill("4", "vegan lasagna")),
                step(1, new Action.Click("9")),
                step(2, new Action.Answer("Vegan Lasagna II, 212 reviews")));
        for (int i = 0; i <= 3; i++) {
            Path png = runDir.resolve("shots/step-0" + i + ".png");
            Files.createDirectories(png.getParent());
            Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) i});
        }
        trajectory = new Trajectory(task, 0, "llm", steps, "Vegan Lasagna II, 212 reviews", "http://localhost/r/2",
                "shots/step-03.png", "answer");
    }

    private static Step step(int i, Action a) {
        return new Step(i, "http://localhost/p" + i, "Recipes", "[1] link \"Home\"", a, "", "shots/step-0" + i + ".png",
                0, 0, 0, i == 1 ? "open the top result" : "");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private EvaluationContext context(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("llm.base_url", server.baseUrl(), "llm.model", "judge-7b",
                "llm.cache_dir", runDir.resolve("cache").toString(), "llm.max_retries", "0"));
        values.putAll(extra);
        return new EvaluationContext(Config.of(values), Optional.empty(), runDir);
    }

    @Test
    void webVoyagerShowsTheLastScreenshotsAndKeepsReasoningDigestsAndCost() {
        server.script(Reply.text("The last screenshot shows 212 reviews.\nSUCCESS"));
        Verdict v = new WebVoyagerJudge().evaluate(trajectory, context(Map.of("judge.screenshots", "2")));

        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        StandInServer.Received got = server.received().get(0);
        assertEquals(2, got.imageUrls().size());
        assertTrue(got.allText().contains("Vegan Lasagna II, 212 reviews"));
        assertTrue(got.allText().contains("NOT SUCCESS"), "the system prompt names both verdicts");
        assertTrue(v.evidence().get("reasoning").toString().contains("The last screenshot shows 212 reviews."));
        assertEquals(Set.of("prompt", "shots/step-02.png", "shots/step-03.png"),
                ((Map<?, ?>) v.evidence().get("inputs_sha256")).keySet());
        assertEquals(new Usage(100, 5, 0), v.usage());
        assertEquals("judge-7b", v.evidence().get("model"));
    }

    @Test
    void aRepeatedJudgementComesFromTheCacheForFree() {
        WebVoyagerJudge judge = new WebVoyagerJudge();
        judge.evaluate(trajectory, context(Map.of()));
        Verdict again = judge.evaluate(trajectory, context(Map.of()));
        assertEquals(1, server.requests());
        assertEquals(Verdict.Outcome.SUCCESS, again.outcome());
        assertEquals(1, again.evidence().get("cached_calls"));
        assertEquals(Usage.NONE, again.usage());
    }

    @Test
    void aReplyWithoutVerdictIsUnscoredAndNotSuccessIsAFailure() {
        server.script(Reply.text("I am not sure what happened."), Reply.text("Nothing was found.\nNOT SUCCESS"));
        Verdict unclear = new WebVoyagerJudge().evaluate(trajectory, context(Map.of()));
        assertEquals(Verdict.Outcome.UNSCORED, unclear.outcome());
        assertTrue(unclear.explanation().contains("neither SUCCESS nor NOT SUCCESS"), unclear.explanation());
        assertEquals(new Usage(100, 5, 0), unclear.usage(), "an unreadable reply still cost tokens");

        Verdict no = new WebVoyagerJudge().evaluate(trajectory, context(Map.of("judge.screenshots", "2")));
        assertEquals(Verdict.Outcome.FAILURE, no.outcome());
    }

    @Test
    void serverFailuresAreUnscoredWithTheCause() throws IOException {
        server.script(Reply.status(401), Reply.raw("<html>gateway</html>"));
        Verdict denied = new EvalRefineJudge().evaluate(trajectory, context(Map.of()));
        assertEquals(Verdict.Outcome.UNSCORED, denied.outcome());
        assertTrue(denied.explanation().contains("401"), denied.explanation());

        Verdict malformed = new EvalRefineJudge().evaluate(trajectory, context(Map.of()));
        assertEquals(Verdict.Outcome.UNSCORED, malformed.outcome());
        assertTrue(malformed.explanation().contains("malformed JSON"), malformed.explanation());

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Verdict unreachable = new OrmJudge().evaluate(trajectory,
                context(Map.of("judge.base_url", "http://127.0.0.1:" + port + "/v1")));
        assertEquals(Verdict.Outcome.UNSCORED, unreachable.outcome());
        assertTrue(unreachable.explanation().contains("unreachable"), unreachable.explanation());

        Verdict unconfigured = new AxTreeJudge().evaluate(trajectory, new EvaluationContext(
                Config.of(Map.of()), Optional.empty(), runDir));
        assertEquals(Verdict.Outcome.UNSCORED, unconfigured.outcome());
        assertTrue(unconfigured.explanation().contains("llm.base_url"), unconfigured.explanation());
    }

    @Test
    void evalRefineSendsHistoryAndTheFinalScreenshot() {
        server.script(Reply.text("Thoughts: the recipe has 212 reviews.\nStatus: success"));
        Verdict v = new EvalRefineJudge().evaluate(trajectory, context(Map.of()));
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        StandInServer.Received got = server.received().get(0);
        assertEquals(1, got.imageUrls().size());
        assertTrue(got.allText().contains("2: click('9')"), got.allText());
        assertTrue(v.evidence().get("reasoning").toString().contains("the recipe has 212 reviews."));
    }

    @Test
    void axtreeJudgeSendsStepsWithReasoningAndNoImages() {
        server.script(Reply.text("<reasoning>Answer matches.</reasoning><success>yes</success>"
                + "<side>No</side><optimal>4. Completely Optimal</optimal><loop>No</loop>"));
        Verdict v = new AxTreeJudge().evaluate(trajectory, context(Map.of()));
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        StandInServer.Received got = server.received().get(0);
        assertEquals(0, got.imageUrls().size());
        assertTrue(got.allText().contains("Reasoning: open the top result"), got.allText());
        assertTrue(got.allText().contains("URL: http://localhost/p1"));
        assertEquals("No", v.evidence().get("side"));
    }

    @Test
    void webJudgeListsKeyPointsScoresScreenshotsAndJudgesOnTheRelevantOnes() {
        server.script(Reply.text("Key Points:\n1. vegan lasagna\n2. over 100 reviews"),
                Reply.text("### Reasoning: A search box.\n### Score: 1"),
                Reply.text("### Reasoning: The recipe with 212 reviews.\n### Score: 5"),
                Reply.text("Thoughts: both points met.\nStatus: success"));
        Verdict v = new WebJudge().evaluate(trajectory, context(Map.of("judge.screenshots", "2")));
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        assertEquals(4, server.requests());
        assertEquals(1, server.received().get(3).imageUrls().size(), "only the screenshot scored 5 is kept");
        assertTrue(server.received().get(3).allText().contains("2. over 100 reviews"));
        assertEquals("\n1. vegan lasagna\n2. over 100 reviews", v.evidence().get("key_points"));
        assertEquals(4, v.evidence().get("calls"));
        assertEquals(new Usage(400, 20, 0), v.usage());
    }

    @Test
    void ormTakesTheProbabilityOfYesFromTopLogprobs() {
        server.script(Reply.withLogprobs("YES", Map.of("YES", Math.log(0.6), "NO", Math.log(0.2))),
                Reply.withLogprobs("YES", Map.of("YES", Math.log(0.6), "NO", Math.log(0.2))));
        Verdict v = new OrmJudge().evaluate(trajectory, context(Map.of()));
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        assertEquals(0.75, v.score(), 1e-9);
        assertTrue(server.received().get(0).body().path("logprobs").asBoolean());

        Verdict strict = new OrmJudge().evaluate(trajectory,
                context(Map.of("judge.orm.threshold", "0.8", "llm.cache_dir", "off")));
        assertEquals(Verdict.Outcome.FAILURE, strict.outcome());
        assertEquals(0.75, strict.score(), 1e-9);
    }

    @Test
    void ormFallsBackToTheWordWithoutLogprobsAndIsUnscoredOnNeither() {
        server.script(Reply.text("NO"), Reply.text("Perhaps."));
        Verdict v = new OrmJudge().evaluate(trajectory, context(Map.of()));
        assertEquals(Verdict.Outcome.FAILURE, v.outcome());
        assertEquals(0.0, v.score());
        Verdict unclear = new OrmJudge().evaluate(trajectory, context(Map.of("llm.cache_dir", "off")));
        assertEquals(Verdict.Outcome.UNSCORED, unclear.outcome());
    }
}
