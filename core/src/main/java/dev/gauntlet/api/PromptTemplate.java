package dev.gauntlet.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A judge's prompt read from a user's template file ({@code -Djudge.<name>.prompt=FILE}). The file holds sections,
 * each opened by a line {@code === <section> ===} (a judge's {@code system} and {@code user} messages, and any other
 * part it names); a section the file leaves out keeps the judge's own wording. Placeholders {@code {name}} are
 * filled by the judge; text in braces that names no placeholder is left as written.
 *
 * @param file     where it was read from, for messages
 * @param sections section name → its text (trailing line breaks dropped)
 */
public record PromptTemplate(String file, Map<String, String> sections) {

    public PromptTemplate {
        sections = Map.copyOf(sections);
    }

    /**
     * Returns a setting whose value is a template file with only {@code allowed} sections; a missing file, a file
     * without sections, an unknown or repeated section is a {@link ConfigException} naming the key, file and section.
     */
    public static Setting<PromptTemplate> setting(String key, List<String> allowed, String meaning) {
        return new Setting<>(key, "", meaning, (k, v) -> read(k, path(k, v), allowed));
    }

    private static Path path(String key, String value) {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(key, value, "a file path (" + e.getReason() + ")");
        }
    }

    static PromptTemplate read(String key, Path file, List<String> allowed) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(key, file.toString(), "a readable template file (" + e.getMessage() + ")");
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String t = line.strip();
            if (t.startsWith("=== ") && t.endsWith(" ===") && t.length() > 8) {
                if (current != null) {
                    sections.put(current, trimEnd(body.toString()));
                }
                current = t.substring(4, t.length() - 4).strip();
                if (!allowed.contains(current)) {
                    throw new ConfigException("'" + key + "': " + file + " line " + lineNo + " opens section '"
                            + current + "'; this judge's sections are " + String.join(", ", allowed));
                }
                if (sections.containsKey(current)) {
                    throw new ConfigException("'" + key + "': " + file + " line " + lineNo + " repeats section '"
                            + current + "'");
                }
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            } else if (!t.isEmpty()) {
                throw new ConfigException("'" + key + "': " + file + " line " + lineNo + " comes before any section; "
                        + "open one with a line '=== <section> ===' (" + String.join(", ", allowed) + ")");
            }
        }
        if (current == null) {
            throw new ConfigException("'" + key + "': " + file + " holds no section '=== <section> ===' ("
                    + String.join(", ", allowed) + ")");
        }
        sections.put(current, trimEnd(body.toString()));
        return new PromptTemplate(file.toString(), sections);
    }

    /** Returns the section's text with {@code values} filled in one pass, or empty when the file leaves it out. */
    public Optional<String> section(String section, Map<String, String> values) {
        String template = sections.get(section);
        return template == null ? Optional.empty() : Optional.of(fill(template, values));
    }

    /** Fills {@code {name}} placeholders in one pass: a filled-in value is never read again for placeholders. */
    public static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                if (end > i) {
                    String name = template.substring(i + 1, end);
                    if (values.containsKey(name)) {
                        out.append(values.get(name));
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
