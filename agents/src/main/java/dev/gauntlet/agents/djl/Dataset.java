package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Element;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The training-data schema: one JSON line per episode ({@link Episode}), written and read by {@link DatasetFile}.
 * A change of any field's meaning bumps {@link #SCHEMA}; models record the schema they were trained on.
 */
public final class Dataset {

    /** The schema name and version written into every line as {@code schema}. */
    public static final String SCHEMA = "gauntlet-dataset/1";

    private Dataset() {}

    /**
     * One element of an observation.
     *
     * @param id         the element id actions target
     * @param role       ARIA role or tag
     * @param text       accessible name or visible text
     * @param attributes tag, value, checked, interactive and the observation's attributes, as strings
     */
    public record ElementRecord(String id, String role, String text, Map<String, String> attributes) {
        public ElementRecord {
            attributes = Map.copyOf(attributes);
        }

        static ElementRecord of(Element e) {
            Map<String, String> attrs = new TreeMap<>(e.attributes());
            attrs.put("tag", e.tag());
            if (!e.value().isEmpty()) {
                attrs.put("value", e.value());
            }
            if (e.checked()) {
                attrs.put("checked", "true");
            }
            if (e.interactive()) {
                attrs.put("interactive", "true");
            }
            return new ElementRecord(e.id(), e.role(), e.name(), attrs);
        }
    }

    /**
     * The action taken at a step.
     *
     * @param operation what it did
     * @param target    the element id it targeted ({@code ""} when none, or when a gold selector matched no element)
     * @param value     the text typed, the option chosen, the key pressed or the answer ({@code ""} otherwise)
     * @param call      the action as BrowserGym's call syntax, as performed
     */
    public record ActionRecord(Operation operation, String target, String value, String call) {

        static ActionRecord of(Action action, String target) {
            String value = "";
            if (action instanceof Action.Fill f) {
                value = f.text();
            } else if (action instanceof Action.Type t) {
                value = t.text();
            } else if (action instanceof Action.TypeAtCaret t) {
                value = t.text();
            } else if (action instanceof Action.Select s) {
                value = s.options().isEmpty() ? "" : s.options().get(0);
            } else if (action instanceof Action.Press p) {
                value = p.key();
            } else if (action instanceof Action.Answer a) {
                value = a.text();
            }
            return new ActionRecord(Operation.of(action), target, value, action.toString());
        }
    }

    /**
     * One step: what the page showed and what was done.
     *
     * @param index    0-based record number (one action may give two records: WebShop's search is a fill and a click)
     * @param url      the page's URL
     * @param elements the observation's elements
     * @param action   the action taken
     * @param error    the action's error, {@code ""} if none
     */
    public record StepRecord(int index, String url, List<ElementRecord> elements, ActionRecord action, String error) {
        public StepRecord {
            elements = List.copyOf(elements);
        }
    }

    /**
     * One episode, as a JSON line.
     *
     * @param schema      {@link #SCHEMA}
     * @param suite       the suite
     * @param task        the task id
     * @param seed        the seed
     * @param source      {@code gold} (the task's demonstration) or {@code run:<run id>}
     * @param agent       the agent that acted ({@code replay} for gold)
     * @param instruction the instruction
     * @param steps       the steps, oldest first
     * @param outcome     the oracle's verdict: {@code success}, {@code failure} or {@code unscored}
     * @param reward      the oracle's reward
     * @param finalText   the accessibility text of the page at the end (for reward models)
     * @param answer      the agent's answer, {@code ""} when none
     */
    public record Episode(String schema, String suite, String task, long seed, String source, String agent,
                          String instruction, List<StepRecord> steps, String outcome, double reward,
                          String finalText, String answer) {
        public Episode {
            steps = List.copyOf(steps);
        }

        public boolean success() {
            return outcome.equals("success");
        }
    }
}
