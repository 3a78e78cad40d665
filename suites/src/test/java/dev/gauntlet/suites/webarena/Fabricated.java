package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.browser.PlaywrightPage;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fabricated WebArena trajectories: an eval block (JSON, single quotes allowed), an answer, a final URL. */
final class Fabricated {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fabricated() {}

    static Trajectory trajectory(String dialect, String evalJson, String answer, String finalUrl,
                                 Map<String, String> urls) {
        try {
            WebArenaOracle oracle = new WebArenaOracle(Dialect.of(dialect), "What is asked?",
                    JSON.readTree(evalJson.replace('\'', '"')), urls);
            Task task = new Task("webarena", "7", "What is asked?", List.of(finalUrl), Set.of(),
                    oracle, Set.of("*"), 0, Map.of());
            Step stop = new Step(0, finalUrl, "", "", new Action.Answer(answer), "", "", 0, 0, 0, "");
            return new Trajectory(task, 0, "test", List.of(stop), answer, finalUrl, "", "answer");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Verdict evaluate(String dialect, String evalJson, String answer) throws Exception {
        return evaluate(dialect, evalJson, answer, "http://shop.test/", Map.of(), null, Map.of());
    }

    static Verdict evaluate(String dialect, String evalJson, String answer, String finalUrl, Map<String, String> urls,
                            Page page, Map<String, String> config) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("llm.cache_dir", "off", "llm.max_retries", "0"));
        values.putAll(config);
        EvaluationContext context = new EvaluationContext(Config.of(values),
                Optional.ofNullable(page).map(PlaywrightPage::new), Path.of("."));
        Trajectory trajectory = trajectory(dialect, evalJson, answer, finalUrl, urls);
        return trajectory.task().oracle().evaluate(trajectory, context);
    }

    /** Scores a fabricated trajectory (its own steps, answer and stop reason) with its task's oracle, no page. */
    static Verdict evaluate(Trajectory trajectory) throws Exception {
        EvaluationContext context = new EvaluationContext(Config.of(Map.of("llm.cache_dir", "off")),
                Optional.empty(), Path.of("."));
        return trajectory.task().oracle().evaluate(trajectory, context);
    }

    /** An eval block of one string_match with these reference answers (JSON object text). */
    static String strings(String referenceAnswers) {
        return "{'eval_types': ['string_match'], 'reference_answers': " + referenceAnswers
                + ", 'reference_url': '', 'program_html': [], 'string_note': 'the store sells no such item'}";
    }
}
