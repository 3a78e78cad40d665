package dev.gauntlet.reports.judgeeval;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A judge for the import tests that needs no model: unscored when the episode has no screenshot it can read, else a
 * success when the agent answered. It keeps every trajectory it saw, by task id, so tests can check what an importer
 * gave it.
 */
public final class ShotCheckJudge implements Judge {

    static final Map<String, Trajectory> SEEN = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "shot-check";
    }

    @Override
    public Verdict evaluate(Trajectory t, EvaluationContext context) throws Exception {
        SEEN.put(t.task().id(), t);
        List<String> shots = new ArrayList<>();
        for (Step s : t.steps()) {
            if (!s.screenshot().isEmpty()) {
                shots.add(s.screenshot());
            }
        }
        if (!t.finalScreenshot().isEmpty()) {
            shots.add(t.finalScreenshot());
        }
        if (shots.isEmpty()) {
            return Verdict.unscored(name(), "no screenshot");
        }
        for (String s : shots) {
            byte[] png = context.readScreenshot(s);
            if (png.length < 8 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                throw new IllegalStateException(s + " is not a PNG");
            }
        }
        return t.answer().isBlank() ? Verdict.failure(name(), 0, "no answer", Map.of())
                : Verdict.success(name(), 1, "answered", Map.of());
    }
}
