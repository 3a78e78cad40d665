package dev.gauntlet.suites.mind2web;

/**
 * MindAct's three numbers for one step.
 *
 * @param elementAccuracy 1 when the chosen element is a positive within the top-k, else 0
 * @param operationF1     token-set F1 of the predicted and gold {@code "OP value"}
 * @param stepSuccess     1 when the element is right and the F1 is 1
 */
record StepScore(double elementAccuracy, double operationF1, double stepSuccess) {

    static final StepScore ZERO = new StepScore(0, 0, 0);

    /**
     * Scores a step as MindAct's evaluation does: no positive within the top-k, or no prediction, scores 0 on all
     * three; otherwise the F1 counts whatever element was chosen.
     */
    static StepScore of(java.util.Set<String> positivesInTopK, String goldOperation, java.util.Optional<Prediction> p) {
        if (positivesInTopK.isEmpty() || p.isEmpty()) {
            return ZERO;
        }
        double element = positivesInTopK.contains(p.get().element()) ? 1 : 0;
        double f1 = OperationF1.of(p.get().operation(), goldOperation);
        return new StepScore(element, f1, element == 1 && f1 == 1 ? 1 : 0);
    }
}
