package dev.gauntlet.api;

/**
 * A benchmark's own check of one task, made by its suite at discovery with the task's typed input (WebArena's eval
 * block, a WebShop goal, MiniWoB's reward rule). One instance per task; it may be called from any worker thread.
 */
public interface Oracle {

    /** Returns the name used in reports ({@code webarena}, {@code webshop-reward}). */
    String name();

    /**
     * Scores {@code trajectory}. Runs after the agent finished and before the page closes.
     *
     * @throws Exception a harness problem; the episode is reported broken. Return {@link Verdict#unscored} for
     *                   "cannot judge this" (a check that needs a judge that is not configured).
     */
    Verdict evaluate(Trajectory trajectory, EvaluationContext context) throws Exception;

    /**
     * Returns the factor from the verdict's reward (0..1) to the benchmark's native score: 1 for most, 100 for
     * WebShop, whose papers report 100 × mean reward.
     */
    default double scoreScale() {
        return 1.0;
    }
}
