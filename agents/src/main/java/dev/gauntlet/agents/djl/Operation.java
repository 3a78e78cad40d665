package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;

import java.util.List;
import java.util.Locale;

/** What a recorded step did to its element; the policy predicts the first four. */
public enum Operation {
    CLICK, FILL, SELECT, HOVER, PRESS, ANSWER, OTHER;

    /** The operations the policy's operation head chooses among, in its output order. */
    static final List<Operation> PREDICTED = List.of(CLICK, FILL, SELECT, HOVER);

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Operation of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Returns the operation of an action. */
    static Operation of(Action action) {
        if (action instanceof Action.Click || action instanceof Action.DoubleClick) {
            return CLICK;
        } else if (action instanceof Action.Fill || action instanceof Action.Type || action instanceof Action.TypeAtCaret) {
            return FILL;
        } else if (action instanceof Action.Select) {
            return SELECT;
        } else if (action instanceof Action.Hover) {
            return HOVER;
        } else if (action instanceof Action.Press) {
            return PRESS;
        } else if (action instanceof Action.Answer) {
            return ANSWER;
        }
        return OTHER;
    }
}
