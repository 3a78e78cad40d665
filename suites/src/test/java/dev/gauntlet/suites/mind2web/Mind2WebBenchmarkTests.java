package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.GauntletBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Mind2Web through the gauntlet engine, end to end, on the built-in sample and on a folder in the dataset's layout. */
class Mind2WebBenchmarkTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path runs;

    private EngineTestKit.Builder run(String agent) {
        return EngineTestKit.engine("gauntlet")
                .selectors(selectClass(Benchmark.class))
                .configurationParameter("gauntlet.suite", "mind2web")
                .configurationParameter("gauntlet.agent", agent)
                .configurationParameter("gauntlet.workers", "2")
                .configurationParameter("gauntlet.screenshots", "none")
                .configurationParameter("gauntlet.runsDir", runs.toString())
                .configurationParameter("gauntlet.leaderboard", "off");
    }

    private JsonNode metrics() throws Exception {
        return new ObjectMapper().readTree(runs.resolve("latest").resolve(Mind2WebReport.FILE).toFile());
    }

    @Test
    void replayScoresOneOnEveryMetricOfTheSampleAndRandomFarLower() throws Exception {
        Events replay = run("replay;random").execute().testEvents();
        JsonNode m = metrics();
        for (String split : new String[] {"test_task", "test_website", "test_domain", "all"}) {
            JsonNode r = m.get("replay").get(split);
            r.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("tasks") && !f.getKey().equals("steps")) {
                    assertEquals(1.0, f.getValue().asDouble(), split + " " + f.getKey());
                }
            });
        }
        JsonNode random = m.get("random").get("all");
        assertTrue(random.get("step_success_micro").asDouble() < 0.4, random.toString());
        assertTrue(random.get("element_accuracy_micro").asDouble() < 0.4, random.toString());
        assertTrue(random.get("task_success").asDouble() < 0.3, random.toString());
        summaryAgreesWithMindActsFigures(m);
        int tasks = m.get("replay").get("all").get("tasks").asInt();
        assertEquals(2L * tasks, replay.started().count());
        assertEquals(tasks, replay.succeeded().filter(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains("replay")).count(), "replay passes every task");
    }

    /** summary.json's per-split figures are mind2web-metrics.json's: MindAct's micro and macro means and task SR. */
    private void summaryAgreesWithMindActsFigures(JsonNode mindAct) throws Exception {
        JsonNode groups = new ObjectMapper().readTree(runs.resolve("latest/summary.json").toFile()).get("groups");
        int checked = 0;
        for (JsonNode g : groups) {
            JsonNode expected = mindAct.get(g.get("agent").asText());
            expected.fields().forEachRemaining(split -> {
                JsonNode got = g.get("metrics").get(split.getKey());
                JsonNode want = split.getValue();
                assertEquals(want.get("tasks").asInt(), got.get("tasks").asInt(), split.getKey());
                for (String[] pair : new String[][] {{"element_accuracy_micro", "element_accuracy_micro"},
                        {"operation_f1_micro", "operation_f1_micro"}, {"step_success_micro", "step_success_rate_micro"},
                        {"element_accuracy_macro", "element_accuracy_macro"},
                        {"operation_f1_macro", "operation_f1_macro"}, {"step_success_macro", "step_success_rate_macro"},
                        {"task_success", "success_rate"}}) {
                    assertEquals(want.get(pair[0]).asDouble(), got.get(pair[1]).asDouble(), 1e-9,
                            g.get("agent") + " " + split.getKey() + " " + pair[1]);
                }
            });
            checked++;
        }
        assertEquals(2, checked);
        String csv = Files.readString(runs.resolve("latest/results.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains(",metrics"), "a metrics column");
        assertTrue(csv.contains("\"\"step_success_rate\"\":"), "each task row has its figures");
    }

    @Test
    void aFolderInTheDatasetsLayoutRunsWithTagsSplitsAndARanking() throws Exception {
        Path data = Files.createTempDirectory(runs, "data");
        DatasetFiles.write(data.resolve("test_task/test_task_0.json"), DatasetFiles.task("a", "w", "Info", "CLICK", "TYPE:x"),
                DatasetFiles.task("b", "w", "Info", "CLICK"));
        DatasetFiles.write(data.resolve("test_domain/test_domain_0.json"), DatasetFiles.task("c", "v", "Travel", "CLICK"));
        // task a's second step ranks its positive 2nd: outside the top 1, so even the gold answer scores 0 there
        Path scores = runs.resolve("scores.json");
        Files.writeString(scores, """
                {"scores": {}, "ranks": {"a_a-u0": {"p0": 0, "n0a": 1, "n0b": 2}, "a_a-u1": {"n1a": 0, "p1": 1, "n1b": 2},
                 "b_b-u0": {"p0": 0, "n0a": 1, "n0b": 2}, "c_c-u0": {"p0": 0, "n0a": 1, "n0b": 2}}}""");
        Events events = run("replay")
                .configurationParameter("mind2web.data", data.toString())
                .configurationParameter("mind2web.scores", scores.toString())
                .configurationParameter("mind2web.topK", "1")
                .filters(TagFilter.includeTags("split:test_task"))
                .execute().testEvents();
        assertEquals(2, events.started().count(), "only the test_task split");
        assertEquals(1, events.succeeded().count());
        assertEquals(1, events.failed().count());
        JsonNode m = metrics().get("replay").get("test_task");
        assertEquals(0.75, m.get("step_success_macro").asDouble(), 1e-9); // (1/2 + 1) / 2
        assertEquals(2.0 / 3, m.get("step_success_micro").asDouble(), 1e-9);
        assertEquals(0.5, m.get("task_success").asDouble(), 1e-9);
    }
}
