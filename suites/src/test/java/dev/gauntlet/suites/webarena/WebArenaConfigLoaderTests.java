package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.suites.SuiteTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the upstream config format is read: what upstream's own evaluator would reject is said at discovery. */
class WebArenaConfigLoaderTests {

    @TempDir
    Path dir;

    private static String task(int id, String referenceAnswers) {
        return "{\"sites\": [\"shopping\"], \"task_id\": " + id + ", \"require_login\": false, \"storage_state\": null,"
                + " \"start_url\": \"__SHOPPING__\", \"geolocation\": null, \"intent_template\": \"Whose order?\","
                + " \"instantiation_dict\": {}, \"intent\": \"Whose order?\", \"require_reset\": false, \"eval\": {"
                + "\"eval_types\": [\"string_match\"], \"reference_answers\": " + referenceAnswers + ","
                + " \"reference_url\": \"\", \"program_html\": [], \"string_note\": \"\"}, \"intent_template_id\": 1,"
                + " \"old_task_id\": " + (id + 1000) + "}";
    }

    @Test
    void aStringWhereUpstreamAssertsAListIsWarnedAboutAndTheTaskIsBrokenNotScored() throws Exception {
        // VisualAgentBench's evaluators.py: `assert isinstance(value, list)` for must_include; WebArena-Lite's newer
        // file gives task 81 a string there, so upstream fails that task instead of scoring it
        Path file = dir.resolve("tasks.json");
        Files.writeString(file, "[" + task(81, "{\"must_include\": \"yjlou\"}") + ", "
                + task(82, "{\"must_include\": [\"yjlou\"]}") + "]");
        List<String> problems = SuiteTesting.problems();
        Config config = Config.of(Map.of("webarena.config", file.toString(), "webarena.shopping.url", "http://s.test"));
        try (TaskSet set = SuiteTesting.open(new WebArenaLiteSuite(), config, problems)) {
            assertEquals(List.of("81", "82"), set.tasks().stream().map(Task::id).toList(), "both tasks load");
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("task_id 81 eval.reference_answers.must_include")
                    && problems.get(0).contains(WebArenaConfigLoader.UPSTREAM_ASSERTS), problems.get(0));
            Task t = set.tasks().get(0);
            Step stop = new Step(0, "http://s.test", "", "", new Action.Answer("yjlou"), "", "", 0, 0, 0, "");
            Trajectory trajectory = new Trajectory(t, 0, "test", List.of(stop), "yjlou", "http://s.test", "", "answer");
            EvaluationContext context = new EvaluationContext(config, Optional.empty(), dir);
            assertThrows(IllegalArgumentException.class, () -> t.oracle().evaluate(trajectory, context),
                    "an oracle exception makes the episode broken, as upstream's assertion fails the task");
        }
    }
}
