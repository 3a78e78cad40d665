package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Config;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.suites.SuiteTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MindAct's ranking file (scores_all_data.pkl: "scores" and "ranks" keyed "<annotation_id>_<action_uid>"), read as
 * the pickle itself or as JSON; top-k keeps rank < k.
 */
class Mind2WebRankingTests {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(Mind2WebRankingTests.class.getResource("ranking/" + name).toURI());
    }

    @Test
    void thePickleIsReadWithNumpyScalarsRebuiltFromTheirBytes() throws Exception {
        Ranking r = RankingPickle.read(fixture("numpy-scalars.pkl"));
        assertEquals(OptionalInt.of(2), r.rank("t", "t-u0", "p0"));
        assertEquals(OptionalInt.of(0), r.rank("t", "t-u0", "n0a"));
        assertEquals(OptionalInt.of(1), r.rank("t", "t-u0", "n0b"));
        assertEquals(OptionalInt.empty(), r.rank("t", "t-u0", "elsewhere"));
    }

    @Test
    void withoutRanksTheScoresRankHighestFirstInPickleAndJson() throws Exception {
        Ranking pickled = RankingPickle.read(fixture("scores-only-protocol2.pkl"));
        Path json = Files.writeString(dir.resolve("s.json"), "{\"scores\": {\"t_t-u0\": {\"p0\": 0.9, \"n0a\": 0.1, \"n0b\": 0.5}}}");
        for (Ranking r : List.of(pickled, Ranking.readJson(json))) {
            assertEquals(OptionalInt.of(0), r.rank("t", "t-u0", "p0"));
            assertEquals(OptionalInt.of(1), r.rank("t", "t-u0", "n0b"));
            assertEquals(OptionalInt.of(2), r.rank("t", "t-u0", "n0a"));
        }
    }

    @Test
    void theSuiteAppliesThePickledRankingsTopK() throws Exception {
        DatasetFiles.write(dir.resolve("test_task/test_task_0.json"), DatasetFiles.task("t", "w", "Info", "CLICK"));
        Map<String, String> config = Map.of("mind2web.data", dir.resolve("test_task").toString(),
                "mind2web.scores", fixture("numpy-scalars.pkl").toString(), "mind2web.topK", "2");
        try (TaskSet set = SuiteTesting.open(new Mind2WebSuite(), Config.of(config))) {
            Mind2WebOracle oracle = (Mind2WebOracle) set.tasks().get(0).oracle();
            assertTrue(oracle.positivesInTopK(0).isEmpty(), "p0 ranks 2, outside the top 2");
            assertTrue(set.source().contains("top 2"), set.source());
        }
    }

    @Test
    void aRankingForOtherTasksIsReportedPerTaskAndItsStepsScoreZero() throws Exception {
        Path file = DatasetFiles.write(dir.resolve("test_task/test_task_0.json"),
                DatasetFiles.task("t", "w", "Info", "CLICK"), DatasetFiles.task("u", "w", "Info", "CLICK", "CLICK"));
        Map<String, String> config = Map.of("mind2web.data", dir.resolve("test_task").toString(),
                "mind2web.scores", fixture("numpy-scalars.pkl").toString());
        List<String> problems = SuiteTesting.problems();
        try (TaskSet set = SuiteTesting.open(new Mind2WebSuite(), Config.of(config), problems)) {
            assertEquals(2, set.tasks().size(), "the tasks still run");
            Mind2WebOracle u = (Mind2WebOracle) set.tasks().get(1).oracle();
            assertEquals(List.of(StepScore.ZERO, StepScore.ZERO), u.score(List.of(
                    new dev.gauntlet.api.Action.Click("p0"), new dev.gauntlet.api.Action.Click("p1"))));
        }
        assertEquals(List.of(file + " annotation_id u: mind2web.scores ranks 0 of its 2 steps; the others score 0"),
                problems);
    }

    @Test
    void aFileThatIsNeitherSaysSoNamingIt() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pkl"), "not a pickle");
        IOException e = assertThrows(IOException.class, () -> RankingPickle.read(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"other\": 1}");
        IOException e2 = assertThrows(IOException.class, () -> Ranking.readJson(empty));
        assertTrue(e2.getMessage().startsWith(empty.toString()), e2.getMessage());
    }
}
