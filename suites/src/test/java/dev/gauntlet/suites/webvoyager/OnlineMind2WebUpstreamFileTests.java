package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.site.Reachability;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.Event;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online-Mind2Web's real task list, when the user has it ({@code Online_Mind2Web.json}, 300 tasks: task_id,
 * confirmed_task, website, reference_length, level). Never committed; point the test at it with
 * {@code -Dgauntlet.check.online_mind2web=PATH}; without it the test is skipped. Every task is discovered once, with no
 * discovery issue, tagged {@code level:} as the file says and {@code site:} with its website's host; on a machine
 * without internet every episode is then skipped naming its site, within a minute, none failed or broken.
 */
class OnlineMind2WebUpstreamFileTests {

    @GauntletBenchmark
    static class Benchmark {}

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theRealTaskListIsDiscoveredWithItsTagsAndSkipsOffline() throws Exception {
        String value = System.getProperty("gauntlet.check.online_mind2web");
        Assumptions.assumeTrue(value != null && !value.isBlank(),
                "gauntlet.check.online_mind2web is not set: no real file to check");
        Path tasks = Path.of(value);
        Map<String, JsonNode> byId = new HashMap<>();
        JSON.readTree(tasks.toFile()).forEach(t -> byId.put(t.get("task_id").asText(), t));
        GauntletRun kit = GauntletRun.of(Benchmark.class).suite("online-mind2web").agent("heuristic")
                .screenshots("none").runsDir(dir.resolve("runs")).set("gauntlet.report.html", "false")
                .set("online_mind2web.tasks", tasks.toString());
        EngineDiscoveryResults discovery = kit.discover();
        assertEquals(List.of(), discovery.getDiscoveryIssues().stream().map(i -> i.message()).toList());
        Map<String, Set<String>> tags = WebVoyagerUpstreamFileTests.taskTags(discovery);
        assertEquals(byId.keySet(), tags.keySet(), "every task of the file, once");
        Map<String, Integer> levels = new TreeMap<>();
        byId.forEach((id, t) -> {
            Set<String> got = tags.get(id);
            String level = "level:" + t.get("level").asText();
            assertTrue(got.contains(level), id + " " + got);
            String host = URI.create(t.get("website").asText()).getHost();
            assertTrue(got.contains("site:" + WebVoyagerSuite.tag(host)), id + " " + got);
            levels.merge(level, 1, Integer::sum);
        });
        System.out.println("[check] " + tasks + ": " + tags.size() + " tasks, " + levels);

        Assumptions.assumeFalse(Reachability.problem("https://www.google.com/").isEmpty(),
                "this machine reaches the internet: the offline half of the check does not apply");
        long t0 = System.nanoTime();
        var events = kit.testEvents();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "[check] %d episodes skipped in %.1f s%n", events.aborted().count(), seconds);
        assertEquals(byId.size(), events.aborted().count());
        for (Event e : events.aborted().list()) {
            String why = e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                    .map(Throwable::getMessage).orElse("");
            assertTrue(why.contains("does not answer"), e.getTestDescriptor().getUniqueId() + ": " + why);
        }
    }
}
