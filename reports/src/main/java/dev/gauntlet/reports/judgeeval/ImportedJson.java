package dev.gauntlet.reports.judgeeval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads imported JSON files field by field; a wrong field is one line naming the file, the field and what it is. */
final class ImportedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportedJson() {}

    /** Reads {@code file}, which must hold a JSON object. */
    static JsonNode object(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": missing");
        }
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(file + ": must hold a JSON object");
        }
        return n;
    }

    /** Returns the text of {@code field}, which must be present and a string. */
    static String required(JsonNode n, String field, Path file, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(file + ": " + where + "field '" + field + "' "
                    + (v == null ? "is missing" : "is " + kind(v) + ", not a string"));
        }
        return v.asText();
    }

    /** Returns the text of {@code field}, {@code ""} when it is absent or null; any other non-string is an error. */
    static String optional(JsonNode n, String field, Path file, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(file + ": " + where + "field '" + field + "' is " + kind(v)
                    + ", not a string");
        }
        return v.asText();
    }

    /** Returns {@code field} as a list, or an empty one when absent or null when {@code required} is false. */
    static JsonNode list(JsonNode n, String field, Path file, boolean required) {
        JsonNode v = n.get(field);
        if ((v == null || v.isNull()) && !required) {
            return JSON.createArrayNode();
        }
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(file + ": field '" + field + "' "
                    + (v == null ? "is missing" : "is " + kind(v) + ", not a list"));
        }
        return v;
    }

    static String kind(JsonNode v) {
        return v.isNull() ? "null" : v.isObject() ? "an object" : v.isArray() ? "a list" : v.isNumber()
                ? "a number " + v.asText() : v.isBoolean() ? "a boolean " + v.asText() : "'" + v.asText() + "'";
    }
}
