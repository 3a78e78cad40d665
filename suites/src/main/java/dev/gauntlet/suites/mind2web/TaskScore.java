package dev.gauntlet.suites.mind2web;

import java.util.List;

/**
 * One task's means of MindAct's step numbers, and its success (every step succeeded).
 *
 * @param elementAccuracy mean element accuracy over the task's steps
 * @param operationF1     mean operation F1
 * @param stepSuccessRate mean step success
 * @param stepsRight      how many steps succeeded
 * @param steps           how many steps the task has
 */
record TaskScore(double elementAccuracy, double operationF1, double stepSuccessRate, int stepsRight, int steps) {

    boolean success() {
        return steps > 0 && stepsRight == steps;
    }

    static TaskScore of(List<StepScore> scores) {
        double e = 0, f = 0, s = 0;
        int right = 0;
        for (StepScore x : scores) {
            e += x.elementAccuracy();
            f += x.operationF1();
            s += x.stepSuccess();
            right += x.stepSuccess() == 1 ? 1 : 0;
        }
        int n = scores.size();
        return n == 0 ? new TaskScore(0, 0, 0, 0, 0) : new TaskScore(e / n, f / n, s / n, right, n);
    }
}
