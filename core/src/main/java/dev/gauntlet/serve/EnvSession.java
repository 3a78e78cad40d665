package dev.gauntlet.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.suite.EarlyStop;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.wire.ObservationWire;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One environment session: an episode driven step by step from outside, scored by the task's oracle when it ends
 * (the suite's done flag, an answer, an early-stop rule, or the step limit) exactly as an engine run scores it. Every
 * method runs on the session's worker thread.
 */
final class EnvSession {

    final String id;
    final Workers.Worker worker;
    final int slot;
    private final TaskSet tasks;
    private final Task task;
    private final long seed;
    private final int maxSteps;
    private final ActionGrammar grammar;
    private final boolean screenshots;
    private final List<Step> steps = new ArrayList<>();
    private Episode episode;
    private Observation obs;
    private String instruction = "";
    private String answer = "";
    private boolean over;
    volatile long lastUsedNanos = System.nanoTime();

    EnvSession(String id, Workers.Worker worker, TaskSet tasks, Task task, long seed, int maxSteps,
               ActionGrammar grammar, boolean screenshots) {
        this.id = id;
        this.worker = worker;
        this.slot = worker.takeSlot();
        this.tasks = tasks;
        this.task = task;
        this.seed = seed;
        this.maxSteps = maxSteps;
        this.grammar = grammar;
        this.screenshots = screenshots;
    }

    /** Starts the episode and returns the reset reply: session id, first observation and the episode's facts. */
    ObjectNode reset(Config config) throws Exception {
        worker.browser.reuseScope(slot);
        episode = tasks.start(task, seed, new EpisodeContext(config, worker.browser));
        obs = episode.observe();
        instruction = obs.instruction();
        ObjectNode reply = ObservationWire.JSON.createObjectNode();
        reply.put("protocol_version", ObservationWire.PROTOCOL_VERSION);
        reply.put("session", id);
        reply.set("obs", ObservationWire.write(obs, "", screenshots));
        ObjectNode info = reply.putObject("info");
        info.put("suite", task.suite());
        info.put("task_id", task.id());
        info.put("seed", seed);
        info.put("max_steps", maxSteps);
        info.put("grammar", grammar.name());
        return reply;
    }

    /** Performs one action written in the session's grammar and returns the step reply. */
    ObjectNode step(String text, Config config, Path runDir) throws Exception {
        if (over) {
            throw new HttpError(409, "session " + id + ": the episode is over; reset a new one or close this one");
        }
        Action action = grammar.parse(text);
        String error;
        long t0 = System.nanoTime();
        if (action instanceof Action.Answer a) {
            answer = a.text();
            error = "";
        } else if (action instanceof Action.Invalid invalid) {
            error = invalid.reason();
        } else {
            String e = episode.act(action);
            error = e == null ? "" : e;
        }
        long actMs = (System.nanoTime() - t0) / 1_000_000;
        steps.add(new Step(steps.size(), obs.url(), obs.title(), obs.axtree(), action, error, "", 0, actMs, 0, ""));
        String stop = null;
        if (action instanceof Action.Answer) {
            stop = "answer";
        } else {
            obs = episode.observe();
            if (episode.done()) {
                stop = "done";
            } else if (tasks instanceof EarlyStop rule && rule.stopEarly(task, List.copyOf(steps)) != null) {
                stop = "early-stop: " + rule.stopEarly(task, List.copyOf(steps));
            } else if (steps.size() >= maxSteps) {
                stop = "max-steps";
            }
        }
        ObjectNode reply = ObservationWire.JSON.createObjectNode();
        reply.put("protocol_version", ObservationWire.PROTOCOL_VERSION);
        reply.set("obs", ObservationWire.write(obs, action.toString(), screenshots));
        ObjectNode info = ObservationWire.JSON.createObjectNode();
        info.put("step", steps.size());
        info.put("action", action.toString());
        info.put("error", error);
        double reward = 0;
        if (stop != null) {
            over = true;
            info.put("stop_reason", stop);
            Verdict v = evaluate(stop, config, runDir);
            if (v != null) {
                ObjectNode verdict = info.putObject("verdict");
                verdict.put("evaluator", v.evaluator());
                verdict.put("outcome", v.outcome().name().toLowerCase(java.util.Locale.ROOT));
                putNumber(verdict, "score", v.score());
                putNumber(verdict, "reward", v.reward());
                verdict.put("explanation", v.explanation());
                reward = Double.isNaN(v.score()) ? 0 : v.score();
            }
            closeEpisode();
        }
        reply.put("reward", reward);
        reply.put("terminated", stop != null && !stop.equals("max-steps"));
        reply.put("truncated", "max-steps".equals(stop));
        reply.set("info", info);
        return reply;
    }

    private Verdict evaluate(String stop, Config config, Path runDir) throws Exception {
        if (task.oracle() == null) {
            return null;
        }
        Trajectory trajectory = new Trajectory(task, seed, "env", List.copyOf(steps), answer, obs.url(), "", stop,
                instruction);
        return task.oracle().evaluate(trajectory, new EvaluationContext(config, episode.page(), runDir));
    }

    /** Frees the episode's browser resources; safe to call twice. */
    void closeEpisode() {
        over = true;
        if (episode != null) {
            try {
                episode.close();
            } catch (RuntimeException ignored) {
                // a context of a dead browser
            }
            episode = null;
        }
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}
