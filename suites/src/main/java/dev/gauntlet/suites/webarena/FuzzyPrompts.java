package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user messages of WebArena's two judged string checks. The default wording is Gauntlet's own; with
 * {@code -Dwebarena.prompts=DIR} each file found there replaces one of them as a template: {@code fuzzy_match.txt}
 * (WebArena's fuzzy_match), {@code fuzzy_match_lite.txt} (WebArena-Lite's, which also asks for one option only) and
 * {@code ua_match.txt} (the N/A reason check). Placeholders: {@code {question}} (the intent), {@code {reference}}
 * (the reference item, Lite's joined list, or the string_note) and {@code {pred}} (the cleaned answer).
 *
 * @param fuzzy     WebArena's fuzzy_match message
 * @param fuzzyLite WebArena-Lite's fuzzy_match message
 * @param reason    the unachievable-reason message
 */
record FuzzyPrompts(String fuzzy, String fuzzyLite, String reason) {

    /** The file names a prompts folder may hold, each with the template it replaces. */
    static final List<String> FILES = List.of("fuzzy_match.txt", "fuzzy_match_lite.txt", "ua_match.txt");
    static final List<String> PLACEHOLDERS = List.of("{question}", "{reference}", "{pred}");

    private static final String GRADE = "Grade a student's answer to a question against the reference answer. "
            + "Different wording is fine; what matters is whether the meaning is the same.\n"
            + "question: {question}\n"
            + "reference answer: {reference}\n"
            + "Note: the string 'N/A' means 'not achievable'.\n"
            + "student answer: {pred}\n";

    /** Gauntlet's own wording; Lite's asks for nothing but the option, as Lite's prompt does. */
    static final FuzzyPrompts DEFAULT = new FuzzyPrompts(
            GRADE + "End with one verdict: correct, incorrect or partially correct.",
            GRADE + "Reply with exactly one of: correct, incorrect, partially correct. Write nothing else.",
            "task: {question}\n"
                    + "actual reason the task cannot be done: {reference}\n"
                    + "reason the worker reported: {pred}\n"
                    + "The task cannot be done, for the actual reason above. Someone tried it, gave up, and reported "
                    + "a reason. Does the reported reason agree with the actual one, even implicitly? Answer 'same' if "
                    + "it does, otherwise 'different'.");

    /** Loads the templates in {@code dir} over the defaults; throws naming the key, file and what is wrong. */
    static FuzzyPrompts load(String key, String dir) {
        Path folder = Path.of(dir);
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(key, dir, "a folder holding any of " + String.join(", ", FILES));
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new ConfigException("'" + key + "': cannot read " + file + ": " + e.getMessage());
            }
            List<String> missing = new ArrayList<>();
            for (String p : PLACEHOLDERS) {
                if (!text.contains(p)) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty()) {
                throw new ConfigException("'" + key + "': " + file + " lacks the placeholder(s) "
                        + String.join(", ", missing));
            }
            found.put(name, text);
        }
        if (found.isEmpty()) {
            throw new ConfigException(key, dir, "a folder holding any of " + String.join(", ", FILES)
                    + " (it holds none)");
        }
        return new FuzzyPrompts(found.getOrDefault(FILES.get(0), DEFAULT.fuzzy),
                found.getOrDefault(FILES.get(1), DEFAULT.fuzzyLite), found.getOrDefault(FILES.get(2), DEFAULT.reason));
    }

    /** Fills a template in one pass, so a placeholder inside a filled-in value is left as it is. */
    static String fill(String template, String question, String reference, String pred) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            String value = null;
            String matched = null;
            for (String p : PLACEHOLDERS) {
                if (template.startsWith(p, i)) {
                    matched = p;
                    value = switch (p) {
                        case "{question}" -> question;
                        case "{reference}" -> reference;
                        default -> pred;
                    };
                    break;
                }
            }
            if (matched == null) {
                out.append(template.charAt(i++));
            } else {
                out.append(value);
                i += matched.length();
            }
        }
        return out.toString();
    }
}
