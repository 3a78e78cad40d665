package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Action;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A run's recorded action as the recorder reads it: the typed action back, its element and its Mind2Web operation. */
final class RecordedAction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedAction() {}

    /** Reads a trajectory's typed action back into its record ({@code {"kind": "Click", "target": "12"}}). */
    static Action read(JsonNode typed, Path file) throws IOException {
        String kind = typed.path("kind").asText();
        try {
            Class<?> type = Class.forName(Action.class.getName() + "$" + kind);
            ObjectNode fields = ((ObjectNode) typed).deepCopy();
            fields.remove("kind");
            return (Action) JSON.treeToValue(fields, type);
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IOException(file + ": action '" + typed + "' cannot be read back: " + e.getMessage());
        }
    }

    /** The Mind2Web operation of an action on an element, if it is one. */
    static Optional<Operation> operation(Action a) {
        if (a instanceof Action.Click || a instanceof Action.DoubleClick) {
            return Optional.of(new Operation(Op.CLICK, "CLICK", ""));
        } else if (a instanceof Action.Hover) {
            return Optional.of(new Operation(Op.CLICK, "HOVER", ""));
        } else if (a instanceof Action.Press p && p.target() != null && p.key().equalsIgnoreCase("Enter")) {
            return Optional.of(new Operation(Op.CLICK, "ENTER", ""));
        } else if (a instanceof Action.Fill f) {
            return Optional.of(new Operation(Op.TYPE, "TYPE", f.text()));
        } else if (a instanceof Action.Type t) {
            return Optional.of(new Operation(Op.TYPE, "TYPE", t.text()));
        } else if (a instanceof Action.TypeAtCaret t) {
            return Optional.of(new Operation(Op.TYPE, "TYPE", t.text()));
        } else if (a instanceof Action.Select s && !s.options().isEmpty()) {
            return Optional.of(new Operation(Op.SELECT, "SELECT", s.options().get(0)));
        }
        return Optional.empty();
    }

    /** The element an action names, or null. */
    static String target(Action a) {
        if (a instanceof Action.Click c) {
            return c.target();
        } else if (a instanceof Action.DoubleClick c) {
            return c.target();
        } else if (a instanceof Action.Hover h) {
            return h.target();
        } else if (a instanceof Action.Press p) {
            return p.target();
        } else if (a instanceof Action.Fill f) {
            return f.target();
        } else if (a instanceof Action.Type t) {
            return t.target();
        } else if (a instanceof Action.TypeAtCaret t) {
            return t.target();
        } else if (a instanceof Action.Select x) {
            return x.target();
        }
        return null;
    }
}
