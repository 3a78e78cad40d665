package dev.gauntlet.api;

/**
 * An LLM/VLM judge: scores any episode from its trajectory, whatever the suite. Chosen with {@code -Djudge=name};
 * found by {@link java.util.ServiceLoader} (list it in {@code META-INF/services/dev.gauntlet.api.Judge}); one
 * instance serves the whole run from many threads.
 */
public interface Judge {

    /** Returns the name used in {@code -Djudge=} and in reports. */
    String name();

    /**
     * Scores {@code trajectory}. Runs after the oracle.
     *
     * @throws Exception the verdict becomes {@link Verdict#unscored} with the cause; the run goes on. Return
     *                   {@link Verdict#unscored} for "cannot judge this" (no model configured, an unreadable reply).
     */
    Verdict evaluate(Trajectory trajectory, EvaluationContext context) throws Exception;
}
