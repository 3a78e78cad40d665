package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.llm.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Judges run on the built-in sample beside its oracle, and their agreement with it is computed (issue 12: "the
 * built-in sample: ... judge agreement computed with the stand-in judge"). The stand-in is no model: it answers
 * SUCCESS to every call, so the figures test the computation (every replay episode agrees; a random episode without an
 * answer fails without a call, as WebVoyager's script has it, and agrees; one that answered wrongly disagrees), not a
 * judge's quality.
 */
class SampleJudgeAgreementTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    @Test
    void theWebVoyagerJudgesAgreementWithTheAnswerCheckIsInTheSummary() throws Exception {
        try (StandInServer model = StandInServer.start()) {
            model.otherwise(StandInServer.Reply.text("The screenshots show the answer.\nSUCCESS"));
            Path runs = dir.resolve("runs");
            GauntletRun.of(Benchmark.class).suite("webvoyager").agent("replay;random").tasks("Recipes--*")
                    .screenshots("final").runsDir(runs).set("gauntlet.report.html", "false")
                    .set("gauntlet.maxSteps", "4").set("gauntlet.judge", "webvoyager")
                    .set("llm.base_url", model.baseUrl()).set("llm.model", "stand-in").set("llm.cache_dir", "off")
                    .testEvents();
            JsonNode summary = new ObjectMapper().readTree(AnswerCheckColumnTests.onlyRun(runs).resolve("summary.json")
                    .toFile());
            JsonNode replay = null;
            JsonNode random = null;
            for (JsonNode g : summary.path("groups")) {
                if (g.path("agent").asText().equals("replay")) {
                    replay = g;
                } else {
                    random = g;
                }
            }
            int tasks = replay.path("episodes").asInt();
            assertTrue(tasks >= 5, "the sample's recipe tasks");
            assertEquals(tasks, replay.path("passed").asInt());
            JsonNode agree = replay.path("judge_agreement").path("judge:webvoyager");
            assertEquals(tasks, agree.path("agree").asInt(), replay.toString());
            assertEquals(tasks, agree.path("n").asInt());
            int randomPassed = random.path("passed").asInt();
            int randomEpisodes = random.path("episodes").asInt();
            // WebVoyager's script fails an episode without an answer without calling the model; the stand-in says
            // SUCCESS to every call, so a random episode agrees when it answered and passed, or never answered
            int randomCalls = model.requests() - tasks;
            JsonNode randomAgree = random.path("judge_agreement").path("judge:webvoyager");
            assertEquals(randomPassed + (randomEpisodes - randomCalls), randomAgree.path("agree").asInt(),
                    "judged as the script judges: " + random);

            JsonNode row = summary.path("judges").get(0);
            assertEquals("webvoyager", row.path("judge").asText());
            assertEquals(tasks + randomEpisodes, row.path("n").asInt());
            assertEquals(tasks + randomPassed, row.path("tp").asInt());
            assertEquals(randomCalls - randomPassed, row.path("fp").asInt());
            assertEquals(randomEpisodes - randomCalls, row.path("tn").asInt());
            assertEquals(0, row.path("fn").asInt());
            assertEquals((double) (tasks + randomPassed + randomEpisodes - randomCalls) / (tasks + randomEpisodes),
                    row.path("accuracy").asDouble(), 1e-9);
        }
    }
}
