package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;

import java.util.Optional;

/**
 * What an agent's action predicts for a step, as MindAct scores it: an element and an {@code "OP value"} string.
 *
 * @param element   the chosen element's backend_node_id
 * @param operation {@code CLICK}, {@code TYPE value} or {@code SELECT value}
 */
record Prediction(String element, String operation) {

    /**
     * Reads an action: clicks (and hovers, double clicks, a key press on an element: the dataset's HOVER and ENTER
     * are CLICKs) are CLICK; fill, type and type-at-caret are TYPE with their text; a select is SELECT with its
     * first option; the {@code mind2web-choice} grammar's answer, {@code "<id> <OP value>"}, is read as written (its
     * operation string as MindAct's evaluation builds it). Anything else predicts nothing, which MindAct scores 0 on
     * all three metrics.
     */
    static Optional<Prediction> of(Action action) {
        Prediction p = null;
        if (action instanceof Action.Native n && n.grammar().equals(Mind2WebChoiceGrammar.NAME)) {
            return Mind2WebChoiceGrammar.prediction(n.text());
        } else if (action instanceof Action.Click a) {
            p = new Prediction(a.target(), "CLICK");
        } else if (action instanceof Action.DoubleClick a) {
            p = new Prediction(a.target(), "CLICK");
        } else if (action instanceof Action.Hover a) {
            p = new Prediction(a.target(), "CLICK");
        } else if (action instanceof Action.Press a && a.target() != null) {
            p = new Prediction(a.target(), "CLICK");
        } else if (action instanceof Action.Fill a) {
            p = new Prediction(a.target(), "TYPE " + a.text());
        } else if (action instanceof Action.Type a) {
            p = new Prediction(a.target(), "TYPE " + a.text());
        } else if (action instanceof Action.TypeAtCaret a) {
            p = new Prediction(a.target(), "TYPE " + a.text());
        } else if (action instanceof Action.Select a) {
            p = new Prediction(a.target(), "SELECT " + (a.options().isEmpty() ? "" : a.options().get(0)));
        }
        return p == null || p.element() == null ? Optional.empty()
                : Optional.of(new Prediction(p.element().strip(), p.operation().strip()));
    }
}
