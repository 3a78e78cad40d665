package dev.gauntlet.suites.mind2web;

/**
 * A step's gold operation as the dataset gives it.
 *
 * @param op         CLICK, TYPE or SELECT
 * @param originalOp what the annotator did ({@code HOVER} and {@code ENTER} appear with op CLICK)
 * @param value      the typed text or chosen option; {@code ""} for CLICK
 */
record Operation(Op op, String originalOp, String value) {

    Operation {
        originalOp = originalOp == null ? op.name() : originalOp;
        value = value == null ? "" : value;
    }

    /** Returns MindAct's action string for F1, {@code "OP value"} ({@code "CLICK"} when there is no value). */
    String text() {
        return (op.name() + " " + value).strip();
    }
}
