package dev.gauntlet.suites.webvoyager;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebVoyager end to end through the engine, in real Chromium: the built-in sample, and real-format files offline. */
class WebVoyagerSuiteTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    private GauntletRun run(String agent) {
        return GauntletRun.of(Benchmark.class).suite("webvoyager").agent(agent).screenshots("none")
                .runsDir(dir.resolve("runs")).set("gauntlet.report.html", "false");
    }

    private static Map<String, String> messages(List<Event> finished) {
        Map<String, String> out = new TreeMap<>();
        for (Event e : finished) {
            TestDescriptor d = e.getTestDescriptor();
            String task = d.getUniqueId().getSegments().stream().filter(s -> s.getType().equals("task"))
                    .map(org.junit.platform.engine.UniqueId.Segment::getValue).findFirst().orElse("");
            out.put(task, e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .map(Throwable::getMessage).orElse("passed"));
        }
        return out;
    }

    @Test
    void replayAnswersEverySampleTaskOnTheBuiltInSites() {
        var events = run("replay").set("gauntlet.workers", "2").testEvents();
        assertEquals(22, events.started().count(), "22 sample tasks, one seed each (the suite's default)");
        assertEquals(22, events.succeeded().count(), () -> messages(events.failed().list()).toString());
    }

    @Test
    void randomScoresFarLowerOnTheSample() {
        var events = run("random").tasks("Recipes--*,Dictionary--0,Papers--0").set("gauntlet.maxSteps", "4").testEvents();
        assertEquals(10, events.started().count());
        assertTrue(events.succeeded().count() <= 1, "random answered " + events.succeeded().count() + " of 10");
    }

    @Test
    void realFormatTasksAreTaggedAndSkipNamingWhyWithoutTheInternet() throws Exception {
        // .invalid never resolves (RFC 2606): the offline machine's situation for every live site
        Path tasks = dir.resolve("WebVoyager_data.jsonl");
        Files.writeString(tasks, String.join("\n",
                "{\"web_name\": \"Allrecipes\", \"id\": \"Allrecipes--0\", \"ques\": \"Find a vegan lasagna.\", \"web\": \"https://allrecipes.invalid/\"}",
                "{\"web_name\": \"Allrecipes\", \"id\": \"Allrecipes--1\", \"ques\": \"Find a soup.\", \"web\": \"https://allrecipes.invalid/\"}",
                "{\"web_name\": \"Booking\", \"id\": \"Booking--0\", \"ques\": \"Book a room for May 2024.\", \"web\": \"https://booking.invalid/\"}"));
        Path answers = dir.resolve("reference_answer.json");
        Files.writeString(answers, "{\"Allrecipes\": {\"answers\": [{\"id\": 0, \"type\": \"golden\", \"ans\": \"X\"},"
                + " {\"id\": 1, \"type\": \"possible\", \"ans\": \"Y\"}]}}");
        GauntletRun kit = run("replay").set("webvoyager.tasks", tasks.toString())
                .set("webvoyager.answers", answers.toString());
        Map<String, Set<String>> tags = kit.discover().getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.getUniqueId().getLastSegment().getType().equals("task"))
                .collect(Collectors.toMap(d -> d.getUniqueId().getLastSegment().getValue(),
                        d -> d.getChildren().iterator().next().getTags().stream().map(Object::toString)
                                .filter(t -> !t.startsWith("suite:")).collect(Collectors.toCollection(java.util.TreeSet::new))));
        assertEquals(Set.of("answer:golden", "site:allrecipes"), tags.get("Allrecipes--0"));
        assertEquals(Set.of("answer:possible", "site:allrecipes"), tags.get("Allrecipes--1"));
        assertEquals(Set.of("site:booking", "stale-dates"), tags.get("Booking--0"));

        long t0 = System.nanoTime();
        var events = kit.testEvents();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(3, events.aborted().count(), () -> messages(events.finished().list()).toString());
        Map<String, String> why = messages(events.aborted().list());
        assertTrue(why.get("Allrecipes--0").contains("site Allrecipes (https://allrecipes.invalid) does not answer"),
                why.toString());
        assertTrue(why.get("Booking--0").contains("webvoyager.staleDates=run"), why.toString());
        assertTrue(seconds < 60, "skipping took " + seconds + " s"); // a bound on a hang, not a performance claim
    }

    @Test
    void withoutAJudgeAReachableLiveTaskIsUnscoredByItsDefaultJudgeNotPassedOrFailed() throws Exception {
        try (SiteServer site = SiteServer.start().mount("/", ex -> SiteServer.html(ex, 200, "<p>Hello</p>"))) {
            Path tasks = dir.resolve("one.jsonl");
            Files.writeString(tasks, "{\"web_name\": \"Local\", \"id\": \"Local--0\", \"ques\": \"Say hello.\", \"web\": \""
                    + site.url("/") + "\"}\n");
            var events = run("heuristic").set("webvoyager.tasks", tasks.toString()).set("webvoyager.hosts", "*")
                    .set("gauntlet.maxSteps", "1").testEvents();
            assertEquals(1, events.aborted().count(), () -> messages(events.finished().list()).toString());
            String why = messages(events.aborted().list()).get("Local--0");
            assertTrue(why.startsWith("unscored: ") && why.contains("llm.base_url"), why);
        }
        Path results;
        try (var runs = Files.list(dir.resolve("runs"))) {
            results = runs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("results.csv");
        }
        assertTrue(Files.readAllLines(results).get(0).endsWith(",oracle,metrics,answer_check,judge:webvoyager"),
                "the default judge gets its column");
    }
}
