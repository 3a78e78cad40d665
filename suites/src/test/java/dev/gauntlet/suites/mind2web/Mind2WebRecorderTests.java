package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.GauntletBenchmark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The recorder in real Chromium: a finished replay run on the built-in WebVoyager dictionary site becomes Mind2Web
 * records (backend node ids from the DevTools protocol, candidates, operations, action_reprs), which the Mind2Web
 * suite loads and replays to 1.0.
 */
class Mind2WebRecorderTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    static Path dir;

    static JsonNode recorded;

    private static EngineTestKit.Builder run(String suite, Path runs) {
        return EngineTestKit.engine("gauntlet")
                .selectors(selectClass(Benchmark.class))
                .configurationParameter("gauntlet.suite", suite)
                .configurationParameter("gauntlet.agent", "replay")
                .configurationParameter("gauntlet.screenshots", "none")
                .configurationParameter("gauntlet.runsDir", runs.toString())
                .configurationParameter("gauntlet.leaderboard", "off");
    }

    @BeforeAll
    static void recordTheDictionarySite() throws Exception {
        run("webvoyager", dir.resolve("runs")).filters(TagFilter.includeTags("site:dictionary")).execute();
        Path run = dir.resolve("runs/latest").toRealPath();
        try (Mind2WebRecorder recorder = new Mind2WebRecorder(Config.from(k -> Optional.empty()),
                Map.of("dictionary", new Mind2WebRecorder.Site("test_website", "Info", "Reference")))) {
            assertTrue(recorder.recordRun(run, false) >= 5);
            recorder.write(dir.resolve("data"));
        }
        recorded = new ObjectMapper().readTree(dir.resolve("data/test_website/test_website_0.json").toFile());
    }

    @Test
    void eachStepHasRawAndCleanedHtmlWithChromiumsBackendNodeIdsAndTheTargetAsPositive() {
        for (JsonNode task : recorded) {
            assertEquals("dictionary", task.get("website").asText());
            assertEquals("Info", task.get("domain").asText());
            assertEquals(task.get("actions").size(), task.get("action_reprs").size());
            for (JsonNode step : task.get("actions")) {
                String raw = step.get("raw_html").asText();
                String cleaned = step.get("cleaned_html").asText();
                assertFalse(raw.contains("data-gid") || raw.contains("data-gauntlet"), "no harness attributes");
                // every element of the raw page carries a backend node id
                Matcher open = Pattern.compile("<([a-z][a-z0-9]*)\\b([^>]*)>").matcher(raw);
                while (open.find()) {
                    assertTrue(open.group(2).contains("backend_node_id=\""), open.group());
                }
                assertEquals(1, step.get("pos_candidates").size());
                JsonNode pos = step.get("pos_candidates").get(0);
                String id = pos.get("backend_node_id").asText();
                assertTrue(cleaned.contains("backend_node_id=\"" + id + "\""), "the positive is in the cleaned page");
                assertTrue(raw.contains("backend_node_id=\"" + id + "\""));
                assertTrue(pos.get("attributes").asText().contains("\"bounding_box_rect\""), pos.toString());
                Set<String> ids = new HashSet<>();
                step.get("neg_candidates").forEach(n -> ids.add(n.get("backend_node_id").asText()));
                assertFalse(ids.contains(id), "the positive is not also a negative");
                assertFalse(ids.isEmpty(), "the page's other links and fields are negatives");
            }
        }
    }

    @Test
    void operationsAreTheDatasetsWithEnterAsAClick() {
        JsonNode first = recorded.get(0).get("actions");
        assertEquals("TYPE", first.get(0).get("operation").get("op").asText());
        assertEquals("ephemeral", first.get(0).get("operation").get("value").asText());
        // the demonstration presses Enter in the search box: Mind2Web's CLICK with original_op ENTER
        assertEquals("CLICK", first.get(1).get("operation").get("op").asText());
        assertEquals("ENTER", first.get(1).get("operation").get("original_op").asText());
        assertEquals("", first.get(1).get("operation").get("value").asText());
        assertEquals("[input]  Search -> TYPE: ephemeral", recorded.get(0).get("action_reprs").get(0).asText());
    }

    @Test
    void theSuiteLoadsTheRecordsAndReplayScoresOne() throws Exception {
        Path runs = dir.resolve("replayed");
        run("mind2web", runs).configurationParameter("mind2web.data", dir.resolve("data").toString()).execute();
        JsonNode all = new ObjectMapper().readTree(runs.resolve("latest").resolve(Mind2WebReport.FILE).toFile())
                .get("replay").get("test_website");
        assertEquals(recorded.size(), all.get("tasks").asInt());
        assertEquals(1.0, all.get("step_success_micro").asDouble());
        assertEquals(1.0, all.get("task_success").asDouble());
        assertTrue(Files.exists(runs.resolve("latest/results.csv")));
    }
}
