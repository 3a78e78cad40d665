package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task's own figures (an oracle's evidence "metrics", "metrics_group", "metrics_weight", as Mind2Web's gives them)
 * in results.csv, summary.json, the leaderboard and the Allure steps.
 */
class TaskMetricsTests {

    @TempDir
    Path runs;

    /** A Mind2Web-like verdict: per-step scores as evidence "steps", the task's means as "metrics". */
    private static EpisodeResult task(String id, String split, boolean passed, double ele, double f1, double sr,
                                      int steps) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<Map<String, Object>> perStep = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            perStep.add(Map.of("predicted", "p" + i + " CLICK", "step_success", i == 0 ? 1.0 : 0.0));
        }
        evidence.put("steps", perStep);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("element_accuracy", ele);
        metrics.put("operation_f1", f1);
        metrics.put("step_success_rate", sr);
        evidence.put("metrics", metrics);
        evidence.put("metrics_group", split);
        evidence.put("metrics_weight", steps);
        Verdict v = passed ? Verdict.success("mind2web", sr, "ok", evidence) : Verdict.failure("mind2web", sr, "no", evidence);
        return Fixtures.episode(id, 0, "random", passed ? EpisodeResult.Status.PASSED : EpisodeResult.Status.FAILED, v);
    }

    private static List<EpisodeResult> results() {
        return List.of(task("a", "test_task", true, 1, 1, 1, 1),
                task("b", "test_task", false, 0.5, 0.75, 0.25, 4),
                task("c", "test_domain", false, 0, 0.5, 0, 2));
    }

    private Path write(List<EpisodeResult> results) throws Exception {
        Path dir = Files.createDirectories(runs.resolve("20261205-100000-mind2web-random"));
        RunInfo info = Fixtures.run(dir, Config.of(Map.of()), "random");
        List<RunListener> listeners = List.of(new RunManifest(), new ResultsCsv(), new SummaryJson(), new AllureResults());
        for (RunListener l : listeners) {
            l.runStarted(info);
        }
        for (EpisodeResult r : results) {
            for (RunListener l : listeners) {
                l.episodeFinished(info, r);
            }
        }
        for (RunListener l : listeners) {
            l.runFinished(info, results);
        }
        return dir;
    }

    @Test
    void theResultsFileKeepsEachTasksFiguresAndReadsThemBack() throws Exception {
        Path dir = write(results());
        List<ResultRow> rows = StoredRun.read(dir).rows();
        assertEquals(results().stream().map(ResultRow::of).toList(), rows);
        ResultRow b = rows.get(1);
        assertEquals(Map.of("element_accuracy", 0.5, "operation_f1", 0.75, "step_success_rate", 0.25),
                b.metrics().orElseThrow().values());
        assertEquals("test_task", b.metrics().orElseThrow().group());
        assertTrue(Files.readString(dir.resolve("results.csv")).contains("\"\"element_accuracy\"\":0.5"), "a JSON cell, quoted as CSV quotes");
    }

    @Test
    void theSummaryHasMicroAndMacroMeansAndSuccessPerGroupAndOverAll() throws Exception {
        JsonNode m = Json.MAPPER.readTree(write(results()).resolve("summary.json").toFile()).path("groups").get(0)
                .path("metrics");
        JsonNode task = m.path("test_task");
        assertEquals(2, task.path("tasks").asInt());
        // macro: (1 + 0.5) / 2; micro, weighted by steps: (1·1 + 0.5·4) / 5
        assertEquals(0.75, task.path("element_accuracy_macro").asDouble(), 1e-12);
        assertEquals(0.6, task.path("element_accuracy_micro").asDouble(), 1e-12);
        assertEquals(0.4, task.path("step_success_rate_micro").asDouble(), 1e-12); // (1 + 0.25·4) / 5
        assertEquals(0.5, task.path("success_rate").asDouble(), 1e-12);
        JsonNode all = m.path("all");
        assertEquals(3, all.path("tasks").asInt());
        assertEquals(5.0 / 7, all.path("operation_f1_micro").asDouble(), 1e-12); // (1·1 + 0.75·4 + 0.5·2) / 7
        assertEquals(0.75, all.path("operation_f1_macro").asDouble(), 1e-12); // (1 + 0.75 + 0.5) / 3
        assertEquals(1.0 / 3, all.path("success_rate").asDouble(), 1e-12);
        assertEquals(List.of("test_domain", "test_task", "all"), iterable(m));
    }

    @Test
    void theLeaderboardShowsEachGroupsFigures() throws Exception {
        write(results());
        String md = Leaderboard.render(List.of(runs), runs, new ArrayList<>());
        assertTrue(md.contains("| agent | group | tasks | element_accuracy | operation_f1 | step_success_rate | success |"), md);
        assertTrue(md.contains("| random | test_task | 2 | 0.600 (0.750) | 0.800 (0.875) | 0.400 (0.625) | 0.500 |"), md);
        assertTrue(md.contains("| random | all | 3 |"), md);
    }

    @Test
    void suitesWithoutFiguresGetNoneOfIt() throws Exception {
        Path dir = write(List.of(Fixtures.passed("a", 0, "random")));
        assertTrue(Json.MAPPER.readTree(dir.resolve("summary.json").toFile()).path("groups").get(0).path("metrics")
                .isMissingNode());
        assertTrue(!Leaderboard.render(List.of(runs), runs, new ArrayList<>()).contains("| group |"));
    }

    @Test
    void eachAllureStepCarriesTheOraclesNumbersForThatStep() throws Exception {
        Path dir = write(List.of(task("a", "test_task", false, 0.5, 0.5, 0.5, 2)));
        String json;
        try (var files = Files.list(dir.resolve("allure-results"))) {
            Path result = files.filter(p -> p.toString().endsWith("-result.json")).findFirst().orElseThrow();
            json = Files.readString(result);
        }
        JsonNode steps = Json.MAPPER.readTree(json).path("steps");
        assertTrue(steps.get(0).path("parameters").toString().contains("{\"name\":\"predicted\",\"value\":\"p0 CLICK\"}"),
                steps.get(0).toString());
        assertTrue(steps.get(1).path("parameters").toString().contains("{\"name\":\"step_success\",\"value\":\"0.0\"}"),
                steps.get(1).toString());
    }

    private static List<String> iterable(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
