package dev.gauntlet.suites.miniwob;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three built-in agents on the built-in MiniWoB tasks, in one run with two workers: replay solves everything,
 * the heuristic baseline lands in between, random far below — and the run's results.csv agrees with JUnit.
 */
class BaselineAgentsTests {

    @GauntletBenchmark
    static class Run {}

    @TempDir
    Path runs;

    @Test
    void replayBeatsHeuristicBeatsRandom() throws Exception {
        List<Event> finished = GauntletRun.of(Run.class).suite("miniwob").agent("replay;heuristic;random").seeds("2")
                .workers(2).screenshots("none").runsDir(runs).leaderboard(runs.resolve("leaderboard.md"))
                .testEvents().finished().list();
        Map<String, Double> rate = finished.stream().collect(Collectors.groupingBy(
                e -> e.getTestDescriptor().getUniqueId().getSegments().get(3).getValue(),
                Collectors.averagingDouble(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getStatus()
                        == TestExecutionResult.Status.SUCCESSFUL ? 1 : 0)));
        assertEquals(1.0, rate.get("replay"), rate.toString());
        assertTrue(rate.get("heuristic") > rate.get("random") + 0.2, rate.toString());
        assertTrue(rate.get("heuristic") < 0.9, rate.toString());
        assertTrue(rate.get("random") < 0.35, rate.toString());

        List<String> csv = Files.readAllLines(runs.resolve("latest").resolve("results.csv"));
        assertEquals(finished.size() + 1, csv.size(), "one row per episode plus the header");
        long passedRows = csv.stream().filter(l -> l.contains(",passed,")).count();
        long passedTests = finished.stream().filter(e -> e.getPayload(TestExecutionResult.class).orElseThrow()
                .getStatus() == TestExecutionResult.Status.SUCCESSFUL).count();
        assertEquals(passedTests, passedRows);
        String board = Files.readString(runs.resolve("leaderboard.md"));
        assertTrue(board.indexOf("| replay |") < board.indexOf("| heuristic |")
                && board.indexOf("| heuristic |") < board.indexOf("| random |"), board);
    }
}
