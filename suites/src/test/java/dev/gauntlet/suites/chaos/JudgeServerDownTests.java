package dev.gauntlet.suites.chaos;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Chaos (issue 15 item 5): the judges' model server is down for a whole run. The oracle still decides every episode,
 * each judge's verdict is unscored naming the cause, and the run finishes with one row per episode.
 */
class JudgeServerDownTests {

    @GauntletBenchmark
    static class Run {}

    @TempDir
    Path runs;

    @Test
    void everyEpisodeIsScoredByItsOracleAndTheJudgeIsUnscoredWithTheCause() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing answers there
        }
        Events events = GauntletRun.of(Run.class).suite("miniwob").tasks("click-button,enter-text").seeds("2")
                .agent("replay").set("gauntlet.judge", "axtree").screenshots("none").runsDir(runs)
                .set("llm.base_url", "http://127.0.0.1:" + port + "/v1").set("llm.model", "judge")
                .set("llm.cache_dir", "off").set("llm.max_retries", "0").testEvents();
        assertEquals(4, events.succeeded().count(), "replay solves them; the oracle decides, not the judge");
        List<ResultRow> rows = StoredRun.read(runs.resolve("latest").toRealPath()).rows();
        assertEquals(4, rows.size(), "one row per episode");
        for (ResultRow row : rows) {
            assertEquals("unscored", row.judges().get("axtree"), row.toString());
        }
        String trajectories;
        try (Stream<Path> files = Files.list(runs.resolve("latest").resolve("trajectories"))) {
            trajectories = files.map(JudgeServerDownTests::read).reduce("", String::concat);
        }
        assertEquals(4, trajectories.split("unreachable", -1).length - 1, "each judge verdict names the cause");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
