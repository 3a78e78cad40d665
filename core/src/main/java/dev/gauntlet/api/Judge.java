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
     * Receives the {@code name:key=value,...} arguments of {@code -Djudge=} ({@link JudgeSpec}), once, before
     * {@link #prepare}; unknown keys should be rejected with {@link ConfigException}.
     */
    default void configure(java.util.Map<String, String> args) {
        if (!args.isEmpty()) {
            throw new ConfigException("judge '" + name() + "' takes no arguments, got " + args.keySet());
        }
    }

    /**
     * Called once per run at discovery, before any episode: load what the judge needs (a model) and throw
     * {@link ConfigException} with one line naming the problem, so the run stops before any episode. Does nothing
     * by default.
     */
    default void prepare(Config config) throws Exception {}

    /**
     * Scores {@code trajectory}. Runs after the oracle.
     *
     * @throws Exception the verdict becomes {@link Verdict#unscored} with the cause; the run goes on. Return
     *                   {@link Verdict#unscored} for "cannot judge this" (no model configured, an unreadable reply).
     */
    Verdict evaluate(Trajectory trajectory, EvaluationContext context) throws Exception;
}
