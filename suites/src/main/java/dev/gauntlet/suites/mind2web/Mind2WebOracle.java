package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MindAct's evaluation of one task: the trajectory's i-th action answers the task's i-th step (the episode is
 * teacher-forced), each step gets element accuracy, operation F1 and step success, and the task succeeds when every
 * step does. The verdict's reward is the task's step success rate; its evidence holds the per-step numbers and the
 * task means, which {@link Mind2WebMetrics} averages over a run.
 *
 * @param task    the task without its pages
 * @param split   its split, for the per-split averages
 * @param topK    how many ranked candidates count
 * @param ranking MindAct's ranking, or {@code null} when every candidate counts
 */
record Mind2WebOracle(Mind2WebTask task, String split, int topK, Ranking ranking) implements Oracle {

    static final String NAME = "mind2web";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns the step's positives that are within the top-k (all positives without a ranking). */
    Set<String> positivesInTopK(int step) {
        Mind2WebStep s = task.steps().get(step);
        Set<String> out = new LinkedHashSet<>();
        for (Candidate c : s.positives()) {
            if (ranking == null || ranking.rank(task.annotationId(), s.actionUid(), c.backendNodeId())
                    .orElse(Integer.MAX_VALUE) < topK) {
                out.add(c.backendNodeId());
            }
        }
        return out;
    }

    /** Scores each step from the actions, in order; a step the agent never answered scores 0. */
    List<StepScore> score(List<Action> actions) {
        List<StepScore> out = new ArrayList<>();
        for (int i = 0; i < task.steps().size(); i++) {
            Optional<Prediction> p = i < actions.size() ? Prediction.of(actions.get(i)) : Optional.empty();
            out.add(StepScore.of(positivesInTopK(i), task.steps().get(i).operation().text(), p));
        }
        return out;
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        if (task.steps().isEmpty()) {
            return Verdict.unscored(NAME, "task " + task.annotationId() + " has no actions to score");
        }
        List<Action> actions = trajectory.steps().stream().map(dev.gauntlet.api.Step::action).toList();
        List<StepScore> scores = score(actions);
        List<Map<String, Object>> perStep = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Mind2WebStep s = task.steps().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action_uid", s.actionUid());
            m.put("gold", s.operation().text());
            m.put("positives", List.copyOf(positivesInTopK(i)));
            m.put("predicted", i < actions.size() ? Prediction.of(actions.get(i))
                    .map(p -> p.element() + " " + p.operation()).orElse("(none) " + actions.get(i)) : "(no answer)");
            m.put("element_accuracy", scores.get(i).elementAccuracy());
            m.put("operation_f1", scores.get(i).operationF1());
            m.put("step_success", scores.get(i).stepSuccess());
            perStep.add(m);
        }
        TaskScore t = TaskScore.of(scores);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("split", split);
        evidence.put("element_accuracy", t.elementAccuracy());
        evidence.put("operation_f1", t.operationF1());
        evidence.put("step_success_rate", t.stepSuccessRate());
        evidence.put("task_success", t.success() ? 1.0 : 0.0);
        evidence.put("steps", perStep);
        // the task's own figures for results.csv, summary.json and the leaderboard, per split, steps as weight
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("element_accuracy", t.elementAccuracy());
        metrics.put("operation_f1", t.operationF1());
        metrics.put("step_success_rate", t.stepSuccessRate());
        evidence.put("metrics", metrics);
        evidence.put("metrics_group", split);
        evidence.put("metrics_weight", scores.size());
        String why = String.format(Locale.ROOT, "%d of %d steps right (Ele.Acc %.3f, Op.F1 %.3f, Step SR %.3f)",
                t.stepsRight(), scores.size(), t.elementAccuracy(), t.operationF1(), t.stepSuccessRate());
        return t.success() ? Verdict.success(NAME, t.stepSuccessRate(), why, evidence)
                : Verdict.failure(NAME, t.stepSuccessRate(), why, evidence);
    }
}
