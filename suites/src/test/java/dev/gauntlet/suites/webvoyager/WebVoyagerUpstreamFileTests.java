package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.site.Reachability;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebVoyager's real files, when the user has them: {@code WebVoyager_data.jsonl} (643 tasks) and
 * {@code reference_answer.json}. Never committed; point the test at them with
 * {@code -Dgauntlet.check.webvoyager=PATH -Dgauntlet.check.webvoyager.answers=PATH}; without them it is skipped.
 * Every task is discovered with no discovery issue and the tags the files imply ({@code site:}, {@code answer:golden}
 * or {@code answer:possible}, {@code stale-dates} for Booking and Google Flights); on a machine without internet
 * every episode is then skipped naming its site or the stale-dates key, none blocked, failed or broken, and the
 * manifest records the region hints.
 */
class WebVoyagerUpstreamFileTests {

    @GauntletBenchmark
    static class Benchmark {}

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path file(String key) {
        String value = System.getProperty(key);
        Assumptions.assumeTrue(value != null && !value.isBlank(), key + " is not set: no real file to check");
        return Path.of(value);
    }

    @Test
    void theRealFilesAreDiscoveredWithTheirTagsAndSkipOffline() throws Exception {
        Path tasks = file("gauntlet.check.webvoyager");
        Path answers = file("gauntlet.check.webvoyager.answers");
        Map<String, String> site = new HashMap<>();
        for (String line : Files.readAllLines(tasks)) {
            if (!line.isBlank()) {
                JsonNode t = JSON.readTree(line);
                site.put(t.get("id").asText(), t.get("web_name").asText());
            }
        }
        Map<String, String> type = new HashMap<>();
        JSON.readTree(answers.toFile()).fields().forEachRemaining(s -> s.getValue().path("answers").forEach(a ->
                type.put(s.getKey() + "--" + a.path("id").asText(), a.path("type").asText().toLowerCase(Locale.ROOT))));
        Path runs = dir.resolve("runs");
        GauntletRun kit = GauntletRun.of(Benchmark.class).suite("webvoyager").agent("heuristic").screenshots("none")
                .runsDir(runs).set("gauntlet.report.html", "false").set("webvoyager.tasks", tasks.toString())
                .set("webvoyager.answers", answers.toString());
        EngineDiscoveryResults discovery = kit.discover();
        assertEquals(List.of(), discovery.getDiscoveryIssues().stream().map(i -> i.message()).toList());
        Map<String, Set<String>> tags = taskTags(discovery);
        assertEquals(site.keySet(), tags.keySet(), "every task of the file, once");
        Map<String, Integer> counts = new TreeMap<>();
        site.forEach((id, web) -> {
            Set<String> t = tags.get(id);
            assertTrue(t.contains("site:" + WebVoyagerSuite.tag(web)), id + " " + t);
            Optional.ofNullable(type.get(id)).ifPresent(a -> assertTrue(t.contains("answer:" + a), id + " " + t));
            assertEquals(WebVoyagerSuite.STALE_SITES.contains(web), t.contains("stale-dates"), id + " " + t);
            t.stream().filter(x -> x.startsWith("answer:") || x.equals("stale-dates")).forEach(x -> counts.merge(x, 1, Integer::sum));
        });
        System.out.println("[check] " + tasks + ": " + tags.size() + " tasks, tags " + counts);

        Assumptions.assumeFalse(Reachability.problem("https://www.google.com/").isEmpty(),
                "this machine reaches the internet: the offline half of the check does not apply");
        long t0 = System.nanoTime();
        var events = kit.testEvents();
        System.out.printf(Locale.ROOT, "[check] %d episodes skipped in %.1f s%n", events.aborted().count(),
                (System.nanoTime() - t0) / 1e9);
        assertEquals(site.size(), events.aborted().count());
        for (Event e : events.aborted().list()) {
            String why = e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                    .map(Throwable::getMessage).orElse("");
            TestDescriptor d = e.getTestDescriptor();
            assertTrue(why.contains("does not answer") || why.contains("webvoyager.staleDates=run"),
                    d.getUniqueId() + ": " + why);
        }
        Path run = AnswerCheckColumnTests.onlyRun(runs);
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertEquals(site.size(), manifest.path("outcomes").path("skipped").asInt());
        assertTrue(manifest.path("region_hints").path("webvoyager").has("user_agent"), manifest.toString());
    }

    /** Task id → the tags of its (first) episode, as discovery gave them. */
    static Map<String, Set<String>> taskTags(EngineDiscoveryResults discovery) {
        return discovery.getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.getUniqueId().getLastSegment().getType().equals("task"))
                .collect(Collectors.toMap(d -> d.getUniqueId().getLastSegment().getValue(),
                        d -> d.getChildren().iterator().next().getTags().stream().map(Object::toString)
                                .collect(Collectors.toSet())));
    }
}
