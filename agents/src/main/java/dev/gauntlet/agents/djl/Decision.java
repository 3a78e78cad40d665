package dev.gauntlet.agents.djl;

import java.util.List;

/**
 * One decision the policy is asked for, and, when training, the gold answer.
 *
 * @param instruction the instruction
 * @param elements    the candidates (the observation's elements)
 * @param history     what earlier steps did
 * @param gold        the gold element's index in {@code elements}, or -1 (inference)
 * @param goldOp      the gold operation, or null
 * @param goldValue   the gold value, or "" (none)
 */
record Decision(String instruction, List<Dataset.ElementRecord> elements, List<Features.Past> history, int gold,
                Operation goldOp, String goldValue) {

    static Decision ask(String instruction, List<Dataset.ElementRecord> elements, List<Features.Past> history) {
        return new Decision(instruction, elements, history, -1, null, "");
    }

    /**
     * What the policy chose.
     *
     * @param element   index of the chosen element
     * @param operation the operation
     * @param value     the value (one of the instruction's {@link ValueCandidates}), "" when the operation takes
     *                  none or none exists
     * @param score     the element's probability among the candidates
     */
    record Choice(int element, Operation operation, String value, double score) {}
}
