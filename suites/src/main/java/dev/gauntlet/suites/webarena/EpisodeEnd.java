package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;

import java.util.List;

/**
 * How a WebArena episode ends, as each harness's {@code run.py} decides it, and the answer it is then scored with.
 * Reasons are worded as upstream's because upstream scores an early-stopped episode with the answer
 * {@code "Early stop: " + reason}, and that text can pass a check (a must_include of "3" in
 * "Same action for 3 times").
 */
final class EpisodeEnd {

    private EpisodeEnd() {}

    static final int PARSE_FAILURES = 3;
    static final int WEBARENA_REPEATS = 3;
    static final int LITE_REPEATS = 5;

    private static final String EARLY = "early-stop: ";

    /**
     * WebArena: the last 3 outputs unparsable; else, for a typing action, 3 typing actions on the same element over
     * the whole episode whatever their text ({@code is_equivalent} compares a {@code type}'s element id only); else
     * the last 3 actions equivalent. WebArena-Lite: the same parse rule, then the last 5 action strings identical,
     * with no typing rule.
     */
    static String earlyStop(List<Step> steps, Dialect dialect) {
        int n = steps.size();
        if (n >= PARSE_FAILURES && steps.subList(n - PARSE_FAILURES, n).stream()
                .allMatch(s -> s.action() instanceof Action.Invalid)) {
            return "Failed to parse actions for " + PARSE_FAILURES + " times";
        }
        if (n == 0) {
            return null;
        }
        Action last = steps.get(n - 1).action();
        if (dialect == Dialect.LITE) {
            return n >= LITE_REPEATS && steps.subList(n - LITE_REPEATS, n).stream()
                    .allMatch(s -> s.action().equals(last)) ? "Same action for " + LITE_REPEATS + " times" : null;
        }
        if (typing(last) != null) {
            long same = steps.stream().filter(s -> equivalent(s.action(), last)).count();
            return same >= WEBARENA_REPEATS ? "Same typing action for " + WEBARENA_REPEATS + " times" : null;
        }
        return n >= WEBARENA_REPEATS && steps.subList(n - WEBARENA_REPEATS, n).stream()
                .allMatch(s -> equivalent(s.action(), last)) ? "Same action for " + WEBARENA_REPEATS + " times" : null;
    }

    /** Upstream's {@code is_equivalent}: typing compares the element only; every unparsable output is alike. */
    static boolean equivalent(Action a, Action b) {
        if (typing(a) != null || typing(b) != null) {
            return typing(a) != null && typing(a).equals(typing(b));
        }
        if (a instanceof Action.Invalid || b instanceof Action.Invalid) {
            return a instanceof Action.Invalid && b instanceof Action.Invalid;
        }
        return a.equals(b);
    }

    /** The element a typing action types into, or null for another action. */
    private static String typing(Action a) {
        if (a instanceof Action.TypeAtCaret t) {
            return "type:" + t.target();
        }
        if (a instanceof Action.Fill f) {
            return "type:" + f.target();
        }
        return null;
    }

    /**
     * The answer upstream scores: the agent's own, or {@code "Early stop: <reason>"} when the harness ended the
     * episode, the step limit included ({@code Reach max steps N}, N the steps taken, which is the limit).
     */
    static String scoredAnswer(Trajectory trajectory) {
        String reason = trajectory.stopReason();
        if (reason != null && reason.startsWith(EARLY)) {
            return "Early stop: " + reason.substring(EARLY.length());
        }
        if ("max-steps".equals(reason)) {
            return "Early stop: Reach max steps " + trajectory.steps().size();
        }
        return trajectory.answer();
    }
}
