package dev.gauntlet.agents.djl;

import java.util.List;

/**
 * Decides a batch of steps in one forward pass: the trained {@link Policy} or a user's {@link TorchScriptPolicy}.
 * Not thread-safe: the {@link BatchingPredictor} calls it from one thread.
 */
interface Decider {

    /** Returns one choice per decision, in order. */
    List<Decision.Choice> decide(List<Decision> decisions);

    /** The suite the policy was trained for, or {@code null} where its folder does not say (a user's TorchScript). */
    default String suite() {
        return null;
    }
}
