package dev.gauntlet.engine;

import com.microsoft.playwright.PlaywrightException;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.SiteBlockedException;
import dev.gauntlet.api.Screenshots;
import dev.gauntlet.api.ServiceUnavailableException;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.suite.AnswerChecks;
import dev.gauntlet.suite.EarlyStop;
import dev.gauntlet.suite.EpisodeContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays one episode: start, observe → act until done, answer or step limit, then evaluate with the oracle and the
 * judges. Agent errors become step errors; harness and site errors make the episode broken, never the run.
 * <p>Time limits say who is to blame. An agent that takes longer than {@code gauntlet.stepTimeoutS} to decide gets
 * that step's error and the episode goes on. An episode whose {@code gauntlet.episodeTimeoutS} runs out while the
 * agent decides or between steps ends there and is scored on the state reached (the agent's time ran out: usually
 * failed); one whose site, browser or oracle is still busy {@link #grace} past the limit has stopped answering: the
 * call is interrupted, the episode is broken with that cause, and the worker replaces its browser.
 * <p>An agent that leaves the task's page where the task can only be scored on it ({@link Episode#leftTask}) ends
 * its episode failed with that reason; an agent whose model server stays unreachable after its retries
 * ({@link ServiceUnavailableException}) ends it broken with that cause, as an outage is not the agent's failure.
 */
final class EpisodeRunner {

    /** The stop reason of an episode whose time ran out. */
    static final String EPISODE_TIMEOUT = "episode-timeout";

    /** The stop reason of an episode whose agent left the task's page, where the task can no longer be scored. */
    static final String LEFT_TASK = "left-task";

    private final Config config;
    private final RunSettings settings;
    private final Registry registry;
    private final Path runDir;
    private final ScreenshotStore screenshots;

    EpisodeRunner(Config config, RunSettings settings, Registry registry, Path runDir) {
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.runDir = runDir;
        this.screenshots = new ScreenshotStore(runDir, dev.gauntlet.api.Settings.SCREENSHOTS_FORMAT.read(config),
                dev.gauntlet.api.Settings.SCREENSHOTS_QUALITY.read(config));
    }

    /** How long past the episode's limit a call of the site, browser or oracle may still run. */
    static long grace(int episodeTimeoutS) {
        return java.util.concurrent.TimeUnit.SECONDS.toNanos(Math.min(5, episodeTimeoutS));
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
        int limitS = settings.episodeTimeoutS();
        long limit = java.util.concurrent.TimeUnit.SECONDS.toNanos(limitS);
        long deadline = Long.MAX_VALUE;
        // the episode's start (a browser launch included) gets the same time, on a clock of its own
        Watchdog watchdog = limitS > 0 ? Watchdog.start(Thread.currentThread(), limit + grace(limitS)) : null;
        TimedCalls calls = new TimedCalls(Thread.currentThread().getName() + "-agent");
        try {
            agent = registry.newAgent(d.agent);
            made[0] = agent;
            int maxSteps = maxSteps(d);
            episode = d.suite.tasks.start(task, d.seed, new EpisodeContext(config, browser));
            if (watchdog != null) {
                watchdog.close();
                deadline = System.nanoTime() + limit; // the agent's time starts when its page is there
                watchdog = Watchdog.start(Thread.currentThread(), limit + grace(limitS));
            }
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
                    String left = episode.leftTask();
                    if (left != null) { // asked first: off the task's page, its done flag may not exist
                        Step last = steps.remove(steps.size() - 1);
                        steps.add(new Step(last.index(), last.url(), last.title(), last.observationText(),
                                last.action(), last.error().isEmpty() ? left : last.error() + "; " + left,
                                last.screenshot(), last.agentMillis(), last.actMillis(), last.observeMillis(),
                                last.reasoning()));
                        stopReason = LEFT_TASK;
                        break;
                    }
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
                if (System.nanoTime() >= deadline) {
                    stopReason = EPISODE_TIMEOUT;
                    break;
                }
                String shot = settings.screenshots() == Screenshots.STEPS ? saveScreenshot(d, i, obs) : "";
                long a0 = System.nanoTime();
                Action action;
                try {
                    action = decide(agent, obs, List.copyOf(steps), calls, deadline);
                    if (action == null) {
                        action = new Action.Invalid("null", "the agent returned no action");
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() >= deadline) {
                        stopReason = EPISODE_TIMEOUT;
                        break;
                    }
                    action = new Action.Invalid("", "agent error: no action within " + Constants.STEP_TIMEOUT_S + "="
                            + settings.stepTimeoutS() + " s");
                } catch (InterruptedException e) {
                    if (watchdog != null && watchdog.fired()) {
                        throw e; // the worker itself was interrupted: the episode has hung
                    }
                    action = new Action.Invalid("", "agent error: " + e);
                } catch (ServiceUnavailableException e) {
                    throw e; // an outage, not the agent's failure: the episode is broken
                } catch (Exception | LinkageError e) {
                    action = new Action.Invalid("", "agent error: " + e);
                }
                long agentMs = millis(a0);
                String reasoning = reasoning(agent);
                // the text the agent read; built now, before the action, where a judge will read it
                String seen = obs.viewBuilt() || !d.suite.judges.isEmpty() ? obs.axtree() : "";
                if (action instanceof Action.Answer ans) {
                    answer = ans.text();
                    stopReason = "answer";
                    steps.add(new Step(i, obs.url(), obs.title(), seen, action, "", shot, agentMs, 0, observeMs,
                            reasoning));
                    break;
                }
                long e0 = System.nanoTime();
                String e = episode.act(action);
                String error = action instanceof Action.Invalid inv ? inv.reason() : e == null ? "" : e;
                steps.add(new Step(i, obs.url(), obs.title(), seen, action, error, shot, agentMs,
                        millis(e0), observeMs, reasoning));
            }
            String finalShot = settings.screenshots() == Screenshots.NONE ? "" : saveScreenshot(d, steps.size(), obs);
            Trajectory trajectory = new Trajectory(task, d.seed, agentText, steps, answer,
                    obs == null ? "" : obs.url(), finalShot, stopReason, instruction);
            // the final observation came after the last action: what its probe read is the page's final state
            Optional<Object> finalProbe = obs == null ? Optional.empty() : Optional.ofNullable(obs.extras().get(Observation.PROBE));
            return checkAnswer(d, trajectory, episode, evaluate(d, trajectory, episode, finalProbe, t0, agent.usage()));
        } catch (SiteBlockedException e) {
            // the site refused the browser: not the agent's failure, not the harness's; the steps so far are kept
            Trajectory partial = new Trajectory(task, d.seed, agentText, steps, "", "", "", "blocked");
            return result(d, EpisodeResult.Status.BLOCKED, Optional.empty(), Map.of(), partial,
                    "blocked by the site: " + e.getMessage(), null,
                    t0, agent == null ? Usage.NONE : agent.usage());
        } catch (EnvironmentUnavailableException e) {
            return result(d, EpisodeResult.Status.SKIPPED, Optional.empty(), Map.of(), null, e.getMessage(), null, t0, Usage.NONE);
        } catch (Exception | LinkageError e) {
            boolean hung = watchdog != null && watchdog.fired();
            if (hung || e instanceof PlaywrightException || !browser.isAlive()) {
                browser.close(); // a dead, confused or hung browser is replaced before this worker's next episode
            }
            Trajectory partial = new Trajectory(task, d.seed, agentText, steps, "", "", "", hung ? EPISODE_TIMEOUT : "error");
            String message = e instanceof ServiceUnavailableException ? "infrastructure error: " + e.getMessage()
                    : hung ? "harness or site error: the site or browser stopped answering (still busy "
                    + grace(limitS) / 1_000_000_000 + " s after " + Constants.EPISODE_TIMEOUT_S + "=" + limitS + " s): " + e
                    : "harness or site error: " + e;
            return result(d, EpisodeResult.Status.BROKEN, Optional.empty(), Map.of(), partial, message,
                    e, t0, agent == null ? Usage.NONE : agent.usage());
        } finally {
            calls.close();
            if (watchdog != null) {
                watchdog.close();
            }
            if (episode != null) {
                try {
                    episode.close();
                } catch (RuntimeException ignored) {
                    // closing a context of a dead browser
                }
            }
        }
    }

    private EpisodeResult evaluate(Descriptors.EpisodeDescriptor d, Trajectory trajectory, Episode episode,
                                   Optional<Object> finalProbe, long t0, Usage usage) throws Exception {
        EvaluationContext context = new EvaluationContext(config, episode.page(), runDir, finalProbe);
        boolean leftTask = trajectory.stopReason().equals(LEFT_TASK);
        String left = leftTask ? episode.leftTask() : null;
        Optional<Verdict> oracle = d.task.oracle() == null ? Optional.empty() : leftTask
                // the page that held the task's state is gone: the agent's failure, never a broken harness
                ? Optional.of(Verdict.failure(d.task.oracle().name(), 0, left == null ? "left the task page" : left,
                        Map.of("stop_reason", LEFT_TASK)))
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
        if (trajectory.stopReason().equals(EPISODE_TIMEOUT)) {
            message = "the episode ran out of time (" + Constants.EPISODE_TIMEOUT_S + "="
                    + settings.episodeTimeoutS() + " s): " + message;
        }
        return result(d, status, oracle, verdicts, trajectory, message, null, t0, usage);
    }

    /** Adds the task's answer check when its task set has one apart from the oracle; it decides nothing. */
    private EpisodeResult checkAnswer(Descriptors.EpisodeDescriptor d, Trajectory trajectory, Episode episode,
                                      EpisodeResult result) {
        if (!(d.suite.tasks instanceof AnswerChecks checks)) {
            return result;
        }
        return checks.answerCheck(d.task).map(check -> {
            try {
                return result.withAnswerCheck(check.evaluate(trajectory,
                        new EvaluationContext(config, episode.page(), runDir)));
            } catch (Exception e) {
                return result.withAnswerCheck(Verdict.unscored(check.name(), "answer check error: " + e));
            }
        }).orElse(result);
    }

    /** The agent's decision, within the step's and the episode's limits when they are set. */
    private Action decide(Agent agent, Observation obs, List<Step> history, TimedCalls calls, long deadline)
            throws Exception {
        int stepS = settings.stepTimeoutS();
        if (stepS == 0 && deadline == Long.MAX_VALUE) {
            return agent.act(obs, history); // no limit: no thread hand-off
        }
        long step = stepS == 0 ? Long.MAX_VALUE : java.util.concurrent.TimeUnit.SECONDS.toNanos(stepS);
        long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
        return calls.call(() -> agent.act(obs, history), Math.min(step, left));
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
        return png == null ? "" : screenshots.save(png);
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
