package dev.gauntlet.engine;

import com.microsoft.playwright.PlaywrightException;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.Screenshots;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.suite.EarlyStop;
import dev.gauntlet.suite.EpisodeContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plays one episode: start, observe → act until done, answer or step limit, then evaluate with the oracle and the
 * judges. Agent errors become step errors; harness and site errors make the episode broken, never the run.
 */
final class EpisodeRunner {

    private final Config config;
    private final RunSettings settings;
    private final Registry registry;
    private final Path runDir;

    EpisodeRunner(Config config, RunSettings settings, Registry registry, Path runDir) {
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.runDir = runDir;
    }

    EpisodeResult run(Descriptors.EpisodeDescriptor d, BrowserSession browser) {
        Agent[] made = new Agent[1];
        EpisodeResult result = play(d, browser, made);
        if (made[0] != null) {
            try {
                made[0].end(result);
            } catch (Exception | LinkageError ignored) {
                // the result is already decided; an agent that fails to hear it changes nothing
            }
        }
        return result;
    }

    private EpisodeResult play(Descriptors.EpisodeDescriptor d, BrowserSession browser, Agent[] made) {
        long t0 = System.nanoTime();
        Task task = d.task;
        String agentText = d.agent.text();
        List<Step> steps = new ArrayList<>();
        Agent agent = null;
        Episode episode = null;
        try {
            agent = registry.newAgent(d.agent);
            made[0] = agent;
            int maxSteps = maxSteps(d);
            episode = d.suite.tasks.start(task, d.seed, new EpisodeContext(config, browser));
            Episode started = episode;
            agent.begin(new EpisodeStart(task, d.seed, maxSteps, started::demonstration, config));
            String answer = "";
            String stopReason = "max-steps";
            String instruction = "";
            Observation obs = null;
            // Observe, then ask whether the episode is over: a suite can answer that from the observation it just
            // built (MiniWoB does), so a step costs one round trip for looking, not two. The loop always looks once
            // more after the last action, and that look is the final observation.
            for (int i = 0; ; i++) {
                long o0 = System.nanoTime();
                obs = episode.observe();
                long observeMs = millis(o0);
                if (i == 0) {
                    instruction = obs.instruction();
                } else {
                    if (episode.done()) {
                        stopReason = "done";
                        break;
                    }
                    // the step limit first, as WebArena's run.py checks it before its early-stop rules
                    String early = i >= maxSteps ? null : d.suite.tasks instanceof EarlyStop rule
                            ? rule.stopEarly(task, List.copyOf(steps)) : null;
                    if (early != null) {
                        stopReason = "early-stop: " + early;
                        break;
                    }
                }
                if (i >= maxSteps) {
                    stopReason = "max-steps";
                    break;
                }
                String shot = settings.screenshots() == Screenshots.STEPS ? saveScreenshot(d, i, obs) : "";
                long a0 = System.nanoTime();
                Action action;
                try {
                    action = agent.act(obs, List.copyOf(steps));
                    if (action == null) {
                        action = new Action.Invalid("null", "the agent returned no action");
                    }
                } catch (Exception | LinkageError e) {
                    action = new Action.Invalid("", "agent error: " + e);
                }
                long agentMs = millis(a0);
                String reasoning = reasoning(agent);
                if (action instanceof Action.Answer ans) {
                    answer = ans.text();
                    stopReason = "answer";
                    steps.add(new Step(i, obs.url(), obs.title(), obs.axtree(), action, "", shot, agentMs, 0, observeMs,
                            reasoning));
                    break;
                }
                long e0 = System.nanoTime();
                String e = episode.act(action);
                String error = action instanceof Action.Invalid inv ? inv.reason() : e == null ? "" : e;
                steps.add(new Step(i, obs.url(), obs.title(), obs.axtree(), action, error, shot, agentMs,
                        millis(e0), observeMs, reasoning));
            }
            String finalShot = settings.screenshots() == Screenshots.NONE ? "" : saveScreenshot(d, steps.size(), obs);
            Trajectory trajectory = new Trajectory(task, d.seed, agentText, steps, answer,
                    obs == null ? "" : obs.url(), finalShot, stopReason, instruction);
            return evaluate(d, trajectory, episode, t0, agent.usage());
        } catch (EnvironmentUnavailableException e) {
            return result(d, EpisodeResult.Status.SKIPPED, Optional.empty(), Map.of(), null, e.getMessage(), null, t0, Usage.NONE);
        } catch (Exception | LinkageError e) {
            if (e instanceof PlaywrightException || !browser.isAlive()) {
                browser.close(); // a dead or confused browser is replaced before this worker's next episode
            }
            Trajectory partial = new Trajectory(task, d.seed, agentText, steps, "", "", "", "error");
            return result(d, EpisodeResult.Status.BROKEN, Optional.empty(), Map.of(), partial, "harness or site error: " + e,
                    e, t0, agent == null ? Usage.NONE : agent.usage());
        } finally {
            if (episode != null) {
                try {
                    episode.close();
                } catch (RuntimeException ignored) {
                    // closing a context of a dead browser
                }
            }
        }
    }

    private EpisodeResult evaluate(Descriptors.EpisodeDescriptor d, Trajectory trajectory, Episode episode, long t0,
                                   Usage usage) throws Exception {
        EvaluationContext context = new EvaluationContext(config, episode.page(), runDir);
        Optional<Verdict> oracle = d.task.oracle() == null ? Optional.empty()
                : Optional.of(d.task.oracle().evaluate(trajectory, context));
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Judge judge : d.suite.judges) {
            Verdict v;
            try {
                v = judge.evaluate(trajectory, context);
            } catch (Exception e) {
                v = Verdict.unscored(judge.name(), "judge error: " + e);
            }
            verdicts.put(judge.name(), v);
        }
        Verdict decisive = oracle.orElse(verdicts.isEmpty() ? null : verdicts.values().iterator().next());
        if (decisive == null) {
            return result(d, EpisodeResult.Status.SKIPPED, oracle, verdicts, trajectory,
                    "task has no oracle and no judge is configured: set -Djudge=", null, t0, usage);
        }
        EpisodeResult.Status status = switch (decisive.outcome()) {
            case SUCCESS -> EpisodeResult.Status.PASSED;
            case FAILURE -> EpisodeResult.Status.FAILED;
            case UNSCORED -> EpisodeResult.Status.SKIPPED;
        };
        String message = decisive.outcome() == Verdict.Outcome.UNSCORED ? "unscored: " + decisive.explanation()
                : decisive.explanation();
        return result(d, status, oracle, verdicts, trajectory, message, null, t0, usage);
    }

    private int maxSteps(Descriptors.EpisodeDescriptor d) {
        int configured = settings.maxSteps();
        if (configured > 0) {
            return configured;
        }
        return d.task.maxSteps() > 0 ? d.task.maxSteps() : d.suite.suite.defaultMaxSteps();
    }

    private String saveScreenshot(Descriptors.EpisodeDescriptor d, int index, Observation obs) throws IOException {
        byte[] png = obs.screenshot().get();
        if (png == null) {
            return "";
        }
        String name = RunFolder.screenshotName(d.task.suite(), d.task.id(), d.seed,
                d.agent == null ? null : d.agent.name(), index);
        Path file = runDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        return name;
    }

    private static EpisodeResult result(Descriptors.EpisodeDescriptor d, EpisodeResult.Status status,
                                        Optional<Verdict> oracle, Map<String, Verdict> judges, Trajectory trajectory,
                                        String message, Throwable error, long t0, Usage usage) {
        return new EpisodeResult(d.task, d.seed, d.agent.text(), status, oracle, judges, trajectory, message, error,
                millis(t0), usage);
    }

    /** The agent's reasoning for its last action; an agent that fails to say it gets none, not a failed step. */
    private static String reasoning(Agent agent) {
        try {
            String r = agent.reasoning();
            return r == null ? "" : r;
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
