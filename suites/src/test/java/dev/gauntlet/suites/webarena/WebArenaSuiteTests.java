package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.llm.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WebArena suites end to end: the offline sample in real Chromium, and upstream-format configs without sites. */
class WebArenaSuiteTests {

    @GauntletBenchmark
    static class Run {}

    @TempDir
    Path runs;

    private GauntletRun kit(String suite, Map<String, String> more) {
        return GauntletRun.of(Run.class).suite(suite).agent("replay").seeds("1").screenshots("none").runsDir(runs)
                .leaderboard(runs.resolve("leaderboard.md")).set(more);
    }

    private static String reason(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse(e.getPayload(String.class).orElse(""));
    }

    private static Map<String, String> reasons(List<Event> finished) {
        return finished.stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getUniqueId().getSegments().get(2).getValue(), WebArenaSuiteTests::reason));
    }

    private static Map<String, String> outcomes(List<Event> finished) {
        return finished.stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getUniqueId().getSegments().get(2).getValue(),
                e -> e.getPayload(TestExecutionResult.class).map(r -> r.getStatus().name()).orElse("SKIPPED")));
    }

    @Test
    void replaySolvesEveryScoredSampleTaskAndTheFuzzyOneIsUnscoredWithoutAJudge() {
        List<Event> finished = kit("webarena", Map.of()).execute().testEvents().finished().list();
        Map<String, String> got = outcomes(finished);
        assertEquals(13, got.size(), got.toString());
        assertEquals("ABORTED", got.remove("3"), "unscored: reported as skipped, neither passed nor failed");
        assertTrue(got.values().stream().allMatch("SUCCESSFUL"::equals), got.toString());
        assertTrue(reasons(finished).get("3").contains("needs a judge for fuzzy_match"), reasons(finished).get("3"));
    }

    @Test
    void withTheStandInJudgeTheFuzzyTasksAreScored() throws Exception {
        try (StandInServer judge = StandInServer.start()) {
            judge.otherwise(StandInServer.Reply.text("The student's answer is correct."));
            Map<String, String> llm = Map.of("llm.base_url", judge.baseUrl(), "llm.model", "stand-in",
                    "llm.cache_dir", "off", "gauntlet.tasks", "3");
            assertEquals(Map.of("3", "SUCCESSFUL"), outcomes(kit("webarena", llm).execute().testEvents().finished().list()));
            Map<String, String> lite = Map.of("llm.base_url", judge.baseUrl(), "llm.model", "stand-in",
                    "llm.cache_dir", "off", "gauntlet.tasks", "5");
            assertEquals(Map.of("5", "SUCCESSFUL"), outcomes(kit("webarena-lite", lite).execute().testEvents().finished().list()));
        }
    }

    @Test
    void liteSampleReplaysWithLiteSemantics() {
        Map<String, String> got = outcomes(kit("webarena-lite", Map.of("gauntlet.tasks", "0,1,2,3,4")).execute()
                .testEvents().finished().list());
        assertEquals(Map.of("0", "SUCCESSFUL", "1", "SUCCESSFUL", "2", "SUCCESSFUL", "3", "SUCCESSFUL",
                "4", "SUCCESSFUL"), got);
    }

    @Test
    void theResetCommandRunsBeforeEachAgentAndAFailingOneSkipsThatAgentsTasksNamingTheKey() throws Exception {
        Path log = runs.resolve("resets.log");
        Map<String, String> twoAgents = Map.of("gauntlet.agent", "replay;random:seed=1", "gauntlet.tasks", "0,1",
                "webarena.reset", "echo reset >> '" + log + "'");
        List<Event> finished = kit("webarena", twoAgents).execute().testEvents().finished().list();
        assertEquals(4, finished.size());
        assertEquals(List.of("reset", "reset"), Files.readAllLines(log), "one reset before each agent");

        List<Event> failed = kit("webarena", Map.of("gauntlet.tasks", "0", "webarena.reset", "exit 3"))
                .execute().testEvents().finished().list();
        assertEquals(Map.of("0", "ABORTED"), outcomes(failed), "skipped, with the reason");
        assertTrue(reason(failed.get(0)).contains("the reset command (webarena.reset) exited with 3"), reason(failed.get(0)));
    }

    @Test
    void aConfigPathThatDoesNotExistOrHoldsNoTaskIsAConfigurationError() throws Exception {
        var missing = kit("webarena", Map.of("webarena.config", runs.resolve("nope.json").toString())).execute();
        String why = engineFailure(missing);
        assertEquals("'webarena.config' names " + runs.resolve("nope.json").toAbsolutePath() + ", which does not exist", why);

        Path broken = Files.writeString(runs.resolve("broken.json"), "[{\"task_id\": 1,");
        var empty = kit("webarena", Map.of("webarena.config", broken.toString())).execute();
        String none = engineFailure(empty);
        assertTrue(none.contains("holds no task that could be read"), none);
    }

    private static String engineFailure(org.junit.platform.testkit.engine.EngineExecutionResults results) {
        return reason(results.allEvents().finished().list().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().equals("[engine:gauntlet]")).findFirst()
                .orElseThrow());
    }

    static final String CONFIG = """
            [
              {"sites": ["shopping_admin"], "task_id": 0, "require_login": true,
               "storage_state": "./.auth/shopping_admin_state.json", "start_url": "__SHOPPING_ADMIN__",
               "geolocation": null, "intent_template": "Which {{thing}} sold best?", "instantiation_dict": {"thing": 1},
               "intent": "Which thing sold best?", "require_reset": false,
               "eval": {"eval_types": ["string_match"], "reference_answers": {"exact_match": "A thing"},
                        "reference_url": "", "program_html": [], "string_note": "",
                        "reference_answer_raw_annotation": "A thing"},
               "intent_template_id": 279},
              {"sites": ["gitlab", "reddit"], "task_id": 1, "require_login": true,
               "storage_state": "./.auth/gitlab.reddit_state.json", "start_url": "__GITLAB__ |AND| __REDDIT__",
               "geolocation": null, "intent_template": "Open {{x}}", "instantiation_dict": {},
               "intent": "Open my todos", "require_reset": false,
               "eval": {"eval_types": ["url_match"], "reference_answers": null,
                        "reference_url": "__GITLAB__/dashboard/todos", "program_html": [], "url_note": "GOLD in PRED"},
               "intent_template_id": 303},
              {"sites": ["map"], "task_id": 2, "start_url": "__MAP__", "intent_template_id": 79,
               "eval": {"eval_types": ["string_match"], "reference_answers": {"must_include": ["x"]}}},
              {"sites": "reddit", "task_id": 3, "start_url": "__REDDIT__", "intent": "Post",
               "eval": {"eval_types": ["program_html"]}},
              {"sites": ["reddit"], "task_id": 4, "start_url": "__REDDIT__", "intent": "Post",
               "eval": {"eval_types": ["program_html"], "program_html": [{"url": "last", "locator": ""}]}}
            ]""";

    @Test
    void anUpstreamConfigIsDiscoveredWithTagsBadEntriesAreIssuesAndAbsentSitesSkip() throws Exception {
        Path file = runs.resolve("test.raw.json");
        Files.writeString(file, CONFIG);
        Map<String, String> params = Map.of("webarena.config", file.toString(), "webarena.depends",
                Files.writeString(runs.resolve("deps.json"), "{\"0\": [1]}").toString());
        EngineDiscoveryResults discovery = kit("webarena", params).discover();
        List<String> issues = discovery.getDiscoveryIssues().stream().map(i -> i.message()).toList();
        assertTrue(issues.stream().anyMatch(m -> m.contains("test.raw.json task_id 2") && m.contains("'intent' is missing")), issues.toString());
        assertTrue(issues.stream().anyMatch(m -> m.contains("task_id 3") && m.contains("'sites' must be a list of strings")), issues.toString());
        assertTrue(issues.stream().anyMatch(m -> m.contains("task_id 4") && m.contains("'required_contents' is missing")), issues.toString());
        List<TestDescriptor> tasks = discovery.getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.getUniqueId().getLastSegment().getType().equals("task")).map(d -> (TestDescriptor) d).toList();
        assertEquals(List.of("1", "0"), tasks.stream().map(d -> d.getUniqueId().getLastSegment().getValue()).toList(),
                "task 0 depends on task 1");
        try (dev.gauntlet.suite.TaskSet opened = dev.gauntlet.suites.SuiteTesting.open(new WebArenaSuite(),
                dev.gauntlet.api.Config.of(params), dev.gauntlet.suites.SuiteTesting.problems())) {
            List<dev.gauntlet.api.Task> found = opened.tasks();
            dev.gauntlet.suite.TaskDependencies order = (dev.gauntlet.suite.TaskDependencies) opened;
            assertEquals(java.util.Set.of("1"), order.dependsOn(found.get(1)), "the engine holds task 0 until 1 is done");
            assertEquals(java.util.Set.of(), order.dependsOn(found.get(0)));
        }
        assertEquals(List.of("eval:url_match", "site:gitlab", "site:reddit", "template:303"),
                tasks.get(0).getTags().stream().map(Object::toString).filter(t -> !t.startsWith("suite:")).sorted().toList());

        var results = kit("webarena", Map.of("webarena.config", file.toString(),
                "webarena.gitlab.url", "http://127.0.0.1:9", "webarena.reddit.url", "http://127.0.0.1:9")).execute();
        Map<String, String> reasons = reasons(results.testEvents().finished().list());
        assertTrue(reasons.get("0").contains("'webarena.shopping_admin.url' is not set"), reasons.toString());
        assertTrue(reasons.get("1").contains("does not answer") && reasons.get("1").contains("webarena.gitlab.url"),
                reasons.toString());
    }
}
