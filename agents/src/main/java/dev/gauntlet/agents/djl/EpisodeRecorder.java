package dev.gauntlet.agents.djl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.BrowserPage;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.TaskSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plays a fixed list of actions in one seeded episode, the engine's way (observe, ask whether it is over, act), and
 * records each observation's elements and the action, then the oracle's verdict. Gold demonstrations target CSS
 * selectors ({@code css=#subbtn}); the recorded target is the element id the observation gave that element.
 */
final class EpisodeRecorder {

    private final TaskSet tasks;
    private final Config config;
    private final BrowserSession browser;
    private final Path scratch;

    EpisodeRecorder(TaskSet tasks, Config config, BrowserSession browser, Path scratch) {
        this.tasks = tasks;
        this.config = config;
        this.browser = browser;
        this.scratch = scratch;
    }

    /** Plays the task's gold demonstration for {@code seed}. */
    Dataset.Episode gold(Task task, long seed, int maxSteps) throws Exception {
        return play(task, seed, null, "gold", "replay", maxSteps);
    }

    /**
     * Plays {@code plan} ({@code null}: the gold demonstration) and records it.
     */
    Dataset.Episode play(Task task, long seed, List<Action> plan, String source, String agent, int maxSteps)
            throws Exception {
        try (Episode episode = tasks.start(task, seed, new EpisodeContext(config, browser))) {
            List<Action> actions = plan != null ? plan : episode.demonstration();
            List<Dataset.StepRecord> records = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            String instruction = "";
            String answer = "";
            String stopReason = "max-steps";
            Observation obs;
            for (int i = 0; ; i++) {
                obs = episode.observe();
                if (i == 0) {
                    instruction = obs.instruction();
                } else if (episode.done()) {
                    stopReason = "done";
                    break;
                }
                if (i >= actions.size() || i >= maxSteps) {
                    break;
                }
                Action action = actions.get(i);
                // the elements first: observations are lazy, and reading them is what gives the page its element ids
                List<Dataset.ElementRecord> elements = obs.elements().stream().map(Dataset.ElementRecord::of).toList();
                String target = elementId(action, episode.page());
                if (action instanceof Action.Answer a) {
                    answer = a.text();
                    stopReason = "answer";
                    steps.add(new Step(i, obs.url(), obs.title(), obs.axtree(), action, "", "", 0, 0, 0, ""));
                    records.add(new Dataset.StepRecord(records.size(), obs.url(), elements, Dataset.ActionRecord.of(action, ""),
                            ""));
                    break;
                }
                String e = episode.act(action);
                String error = e == null ? "" : e;
                steps.add(new Step(i, obs.url(), obs.title(), obs.axtree(), action, error, "", 0, 0, 0, ""));
                List<Dataset.ActionRecord> as = action instanceof Action.Native n
                        ? NativeSteps.of(n, elements).orElse(null) : null;
                for (Dataset.ActionRecord a : as != null ? as : List.of(Dataset.ActionRecord.of(action, target))) {
                    records.add(new Dataset.StepRecord(records.size(), obs.url(), elements, a, error));
                }
            }
            Trajectory trajectory = new Trajectory(task, seed, agent, steps, answer, obs.url(), "", stopReason,
                    instruction);
            Verdict verdict = task.oracle().evaluate(trajectory, new EvaluationContext(config, episode.page(), scratch));
            return new Dataset.Episode(Dataset.SCHEMA, task.suite(), task.id(), seed, source, agent, instruction,
                    records, verdict.outcome().name().toLowerCase(Locale.ROOT),
                    Double.isNaN(verdict.reward()) ? 0 : verdict.reward(), obs.axtree(), answer);
        }
    }

    /** Returns the observation's id for the action's target: itself when it is one, else the selector's element's. */
    static String elementId(Action action, Optional<BrowserPage> page) throws JsonProcessingException {
        String target = target(action);
        if (target.isEmpty() || target.chars().allMatch(Character::isDigit)) {
            return target;
        }
        if (page.isEmpty() || !target.startsWith("css=")) {
            return "";
        }
        String css = DatasetFile.JSON.writeValueAsString(target.substring(4));
        Object gid = page.get().evaluate("(() => { const e = document.querySelector(" + css + ");"
                + " return e ? e.getAttribute('data-gid') : null; })()");
        return gid == null ? "" : String.valueOf(gid);
    }

    static String target(Action action) {
        if (action instanceof Action.Click a) {
            return a.target();
        } else if (action instanceof Action.DoubleClick a) {
            return a.target();
        } else if (action instanceof Action.Hover a) {
            return a.target();
        } else if (action instanceof Action.Fill a) {
            return a.target();
        } else if (action instanceof Action.Type a) {
            return a.target();
        } else if (action instanceof Action.TypeAtCaret a) {
            return a.target();
        } else if (action instanceof Action.Select a) {
            return a.target();
        } else if (action instanceof Action.Press a) {
            return a.target();
        }
        return "";
    }
}
