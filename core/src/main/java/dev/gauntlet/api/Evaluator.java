package dev.gauntlet.api;

/**
 * Scores an episode. Oracle evaluators are picked by the task's {@link OracleSpec#type()}; judges by
 * {@code -Djudge=}. Found by {@link java.util.ServiceLoader}; one instance serves the whole run from many threads.
 */
public interface Evaluator {

    /** Returns the name used in reports and, for judges, in {@code -Djudge=}. */
    String name();

    /** Returns the oracle type this evaluator implements ({@link OracleSpec#type()}), or {@code "judge"}. */
    String oracleType();

    /**
     * Scores {@code trajectory}. Runs after the agent finished and before the page closes.
     *
     * @throws Exception a harness problem; the episode is reported broken. Return {@link Verdict#unscored} for
     *                   "cannot judge this" (no judge configured, a malformed reply).
     */
    Verdict evaluate(Trajectory trajectory, EvaluationContext context) throws Exception;
}
