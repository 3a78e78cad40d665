package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * WebShop's native actions as the element steps a page-level policy takes: {@code click[value]} is a click on the
 * element showing that text (a button, a result link, an option's radio input by its value), as WebShop's own
 * action finds it; {@code search[keywords]} is typing the keywords into the search box and clicking its Search
 * button (two steps on the same page). A value naming no element gives a step with no target.
 */
final class NativeSteps {

    private static final Pattern COMMAND = Pattern.compile("(search|click)\\[(.*)]", Pattern.CASE_INSENSITIVE
            | Pattern.DOTALL);

    private NativeSteps() {}

    /** Returns the steps of a native action; empty when it is not WebShop's. */
    static Optional<List<Dataset.ActionRecord>> of(Action.Native action, List<Dataset.ElementRecord> elements) {
        Matcher m = COMMAND.matcher(action.text().strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT);
        String arg = m.group(2).strip();
        String call = action.text();
        if (verb.equals("click")) {
            String target = find(elements, e -> e.text().strip().equalsIgnoreCase(arg)
                    || e.attributes().getOrDefault("type", "").equals("radio")
                    && e.attributes().getOrDefault("value", "").equalsIgnoreCase(arg));
            return Optional.of(List.of(new Dataset.ActionRecord(Operation.CLICK, target, "", call)));
        }
        String box = find(elements, e -> e.role().equals("textbox") || e.role().equals("searchbox"));
        String button = find(elements, e -> e.role().equals("button") && e.text().strip().equalsIgnoreCase("search"));
        return Optional.of(List.of(new Dataset.ActionRecord(Operation.FILL, box, arg, call),
                new Dataset.ActionRecord(Operation.CLICK, button, "", call)));
    }

    /** The first interactive element that matches, else the first that matches (a heading repeats a link's text). */
    private static String find(List<Dataset.ElementRecord> elements, Predicate<Dataset.ElementRecord> p) {
        return elements.stream().filter(p).filter(e -> "true".equals(e.attributes().get("interactive")))
                .map(Dataset.ElementRecord::id).findFirst()
                .orElse(elements.stream().filter(p).map(Dataset.ElementRecord::id).findFirst().orElse(""));
    }
}
