package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.reports.rescore.Rescore;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored run scored again without its agent: identical results when nothing changed, a changed answer re-scored,
 * program_html (which needs the live page) kept, and a judge run over the stored trajectories, cached on repeat.
 */
class WebArenaRescoreTests {

    @GauntletBenchmark
    static class Run {}

    @TempDir
    Path runs;

    private Path run(String tasks) throws Exception {
        GauntletRun.of(Run.class).suite("webarena").agent("replay").seeds("1").screenshots("final").runsDir(runs)
                .leaderboard(runs.resolve("leaderboard.md")).set(Map.of("gauntlet.tasks", tasks)).execute();
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.exists(p.resolve("manifest.json"))).findFirst().orElseThrow();
        }
    }

    private static Rescore.Outcome rescore(Path dir, Map<String, String> extra, List<String> judges) throws Exception {
        Map<String, String> values = new HashMap<>(Rescore.manifestConfig(StoredRun.read(dir).manifest()));
        values.putAll(extra);
        return new Rescore(Config.of(values), judges).run(dir, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    private static Map<String, String> statuses(List<ResultRow> rows) {
        return rows.stream().collect(Collectors.toMap(ResultRow::task, ResultRow::status));
    }

    @Test
    void aStoredRunRescoresIdenticallyAndAChangedAnswerIsScoredAgain() throws Exception {
        // string_match and program_html tasks: the built-in sites start on new ports for re-scoring, so the sample's
        // url_match references would name other ports than the stored final URLs (configured sites keep theirs)
        Path dir = run("0,1,7,12");
        List<ResultRow> stored = StoredRun.read(dir).rows();
        Rescore.Outcome same = rescore(dir, Map.of(), List.of());
        assertEquals(List.of(), same.changes());
        assertEquals(statuses(stored), statuses(same.rows()));
        assertEquals(3, same.rescored());
        assertEquals(1, same.kept(), "program_html (task 7) needs the live page: its stored outcome is kept");
        assertTrue(Files.isRegularFile(dir.resolve("rescored/results.csv")));
        assertTrue(Files.readString(dir.resolve("rescored/summary.json")).contains("\"success_rate\" : 1.0"),
                Files.readString(dir.resolve("rescored/summary.json")));
        assertEquals(Files.readAllLines(dir.resolve("results.csv")).size(),
                Files.readAllLines(dir.resolve("rescored/results.csv")).size());

        // a trajectory whose answer no longer matches: task 0's exact_match fails on re-scoring
        Path t0 = dir.resolve("trajectories").resolve(dev.gauntlet.api.RunFolder.trajectoryName(null, "0", 0, null));
        String text = Files.readString(t0);
        String answer = StoredRun.read(dir).rows().stream().filter(r -> r.task().equals("0")).findFirst()
                .orElseThrow().answer();
        Files.writeString(t0, text.replace("\"answer\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(answer), "\"answer\":\"something else\""));
        Rescore.Outcome changed = rescore(dir, Map.of(), List.of());
        assertEquals(1, changed.changes().size(), changed.changes().toString());
        assertEquals("failed", statuses(changed.rows()).get("0"));
        assertEquals("passed", statuses(StoredRun.read(dir).rows()).get("0"), "the old results are not touched");
    }

    @Test
    void judgesRunOverTheStoredTrajectoriesAndARepeatIsFree() throws Exception {
        Path dir = run("0,1");
        try (StandInServer server = StandInServer.start()) {
            server.otherwise(StandInServer.Reply.text("NOT SUCCESS"));
            Map<String, String> llm = Map.of("llm.base_url", server.baseUrl(), "llm.model", "stand-in",
                    "llm.cache_dir", runs.resolve(".llm-cache").toString());
            Rescore.Outcome judged = rescore(dir, llm, List.of("webvoyager"));
            assertEquals(Optional.of("failure"), judged.rows().stream().map(r -> r.judges().get("webvoyager"))
                    .distinct().reduce((a, b) -> a + b).map(String::valueOf));
            assertEquals(2, server.requests());
            assertEquals(1, server.received().get(0).imageUrls().size(), "the stored final screenshot is shown");
            assertTrue(Files.readAllLines(dir.resolve("rescored/results.csv")).get(0).endsWith("judge:webvoyager"));
            rescore(dir, llm, List.of("webvoyager"));
            assertEquals(2, server.requests(), "the model client's cache answers the repeat");
        }
    }
}
