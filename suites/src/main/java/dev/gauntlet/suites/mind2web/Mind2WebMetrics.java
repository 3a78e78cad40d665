package dev.gauntlet.suites.mind2web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MindAct's run-level numbers: micro averages (over all steps of all tasks) and macro averages (the mean of each
 * task's mean) of element accuracy, operation F1 and step success, and the task success rate, per split.
 */
final class Mind2WebMetrics {

    /** One scored task. */
    record Scored(String split, List<StepScore> steps) {}

    /**
     * The averages of a set of tasks.
     *
     * @param tasks          how many tasks
     * @param steps          how many steps
     * @param microElementAccuracy mean over steps
     * @param microOperationF1     mean over steps
     * @param microStepSuccess     mean over steps
     * @param macroElementAccuracy mean over tasks of the task's mean
     * @param macroOperationF1     mean over tasks of the task's mean
     * @param macroStepSuccess     mean over tasks of the task's mean
     * @param taskSuccess          fraction of tasks whose every step succeeded
     */
    record Averages(int tasks, int steps, double microElementAccuracy, double microOperationF1,
                    double microStepSuccess, double macroElementAccuracy, double macroOperationF1,
                    double macroStepSuccess, double taskSuccess) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tasks", tasks);
            m.put("steps", steps);
            m.put("element_accuracy_micro", microElementAccuracy);
            m.put("operation_f1_micro", microOperationF1);
            m.put("step_success_micro", microStepSuccess);
            m.put("element_accuracy_macro", macroElementAccuracy);
            m.put("operation_f1_macro", macroOperationF1);
            m.put("step_success_macro", macroStepSuccess);
            m.put("task_success", taskSuccess);
            return m;
        }
    }

    private Mind2WebMetrics() {}

    /** Averages over {@code tasks}; tasks without steps are left out, as they give no step to average. */
    static Averages of(List<Scored> tasks) {
        double[] micro = new double[3];
        double[] macro = new double[3];
        int steps = 0, n = 0, succeeded = 0;
        for (Scored t : tasks) {
            if (t.steps().isEmpty()) {
                continue;
            }
            n++;
            TaskScore s = TaskScore.of(t.steps());
            macro[0] += s.elementAccuracy();
            macro[1] += s.operationF1();
            macro[2] += s.stepSuccessRate();
            succeeded += s.success() ? 1 : 0;
            for (StepScore x : t.steps()) {
                micro[0] += x.elementAccuracy();
                micro[1] += x.operationF1();
                micro[2] += x.stepSuccess();
                steps++;
            }
        }
        int st = Math.max(steps, 1);
        int tk = Math.max(n, 1);
        return new Averages(n, steps, micro[0] / st, micro[1] / st, micro[2] / st, macro[0] / tk, macro[1] / tk,
                macro[2] / tk, (double) succeeded / tk);
    }

    /** Averages per split (sorted by name), then over all tasks under {@code "all"}. */
    static Map<String, Averages> bySplit(List<Scored> tasks) {
        Map<String, List<Scored>> groups = new TreeMap<>();
        for (Scored t : tasks) {
            groups.computeIfAbsent(t.split(), k -> new ArrayList<>()).add(t);
        }
        Map<String, Averages> out = new LinkedHashMap<>();
        groups.forEach((split, list) -> out.put(split, of(list)));
        out.put("all", of(tasks));
        return out;
    }
}
