package dev.gauntlet.agents;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-learned text-matching baseline. Each step it:
 * <ol>
 *   <li>types the next quoted string of the instruction into the next empty text field;</li>
 *   <li>chooses, in a select, an option named by a quoted string;</li>
 *   <li>clicks the not-yet-clicked element whose text equals a quoted string, else the one sharing most words with
 *       the instruction;</li>
 *   <li>finally clicks a submit-like button once.</li>
 * </ol>
 * It solves tasks whose instruction names what to click or type and fails where reasoning is needed.
 */
public final class HeuristicAgent implements Agent {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”|'([^']{2,})'");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Set<String> STOP = Set.of("the", "a", "an", "on", "in", "to", "and", "of", "into", "then",
            "click", "press", "select", "enter", "type", "field", "button", "text", "submit", "from", "with", "it",
            "is", "that", "this", "for", "all", "them", "link", "box", "below", "above", "list", "option", "your");
    private static final Set<String> SUBMIT = Set.of("submit", "ok", "search", "login", "log in", "sign in", "done",
            "send", "next", "go", "confirm", "save");

    private final Set<String> clicked = new HashSet<>();
    private final Set<String> filled = new HashSet<>();
    private final Set<String> typedValues = new HashSet<>();
    private boolean submitted;

    @Override
    public String name() {
        return "heuristic";
    }

    @Override
    public Action act(Observation obs, List<Step> history) {
        List<String> quoted = quoted(obs.instruction());
        List<Element> visible = obs.elements().stream()
                .filter(e -> e.box().width() > 0 && e.box().height() > 0).toList();

        // 1. type quoted strings, in order, into empty text fields
        for (String value : quoted) {
            if (typedValues.contains(value) || clickable(visible, value) != null) {
                continue;
            }
            for (Element e : visible) {
                if (e.isTextEntry() && e.interactive() && e.value().isEmpty() && !filled.contains(e.id())) {
                    filled.add(e.id());
                    typedValues.add(value);
                    return new Action.Fill(e.id(), value);
                }
            }
        }
        // 2. choose a named option in a select
        for (Element e : visible) {
            if (e.tag().equals("select") && !filled.contains(e.id())) {
                for (Element o : obs.elements()) {
                    if (o.role().equals("option") && matchesAny(o.name(), quoted)) {
                        filled.add(e.id());
                        return new Action.Select(e.id(), List.of(o.name()));
                    }
                }
            }
        }
        // 3. click what the instruction names
        for (String value : quoted) {
            Element e = clickable(visible, value);
            if (e != null) {
                clicked.add(e.id());
                return new Action.Click(e.id());
            }
        }
        Set<String> words = words(obs.instruction());
        Element best = null;
        double bestScore = 0;
        for (Element e : visible) {
            if (!e.interactive() || e.isTextEntry() || clicked.contains(e.id()) || e.name().isBlank()) {
                continue;
            }
            Set<String> mine = words(e.name());
            if (mine.isEmpty()) {
                continue;
            }
            long shared = mine.stream().filter(words::contains).count();
            double score = (double) shared / mine.size();
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        if (best != null && bestScore >= 0.5) {
            clicked.add(best.id());
            return new Action.Click(best.id());
        }
        // 4. submit once
        if (!submitted) {
            for (Element e : visible) {
                if (e.interactive() && SUBMIT.contains(e.name().toLowerCase(Locale.ROOT).trim())) {
                    submitted = true;
                    clicked.add(e.id());
                    return new Action.Click(e.id());
                }
            }
        }
        return new Action.Answer("");
    }

    private Element clickable(List<Element> visible, String value) {
        for (Element e : visible) {
            if (e.interactive() && !e.isTextEntry() && !clicked.contains(e.id())
                    && e.name().trim().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        return null;
    }

    private static boolean matchesAny(String text, List<String> values) {
        return values.stream().anyMatch(v -> v.trim().equalsIgnoreCase(text.trim()));
    }

    static List<String> quoted(String instruction) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(instruction);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    out.add(m.group(g));
                }
            }
        }
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!STOP.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }
}
