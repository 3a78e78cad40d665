package dev.gauntlet.agents.djl;

import java.util.List;

/**
 * Decides a batch of steps in one forward pass: the trained {@link Policy} or a user's {@link TorchScriptPolicy}.
 * Not thread-safe: the {@link BatchingPredictor} calls it from one thread.
 */
interface Decider {

    /** Returns one choice per decision, in order. */
    List<Decision.Choice> decide(List<Decision> decisions);

    /**
     * Does the per-decision work that needs no model (feature encoding) in the caller's thread, so the workers of a
     * batching predictor do it in parallel; {@code null} where there is none.
     */
    default Object prepare(Decision decision) {
        return null;
    }

    /** Decides a batch whose decisions {@link #prepare} has seen ({@code prepared} in the same order). */
    default List<Decision.Choice> decide(List<Decision> decisions, List<Object> prepared) {
        return decide(decisions);
    }

    /** The suite the policy was trained for, or {@code null} where its folder does not say (a user's TorchScript). */
    default String suite() {
        return null;
    }
}
