package dev.gauntlet.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a message against a definition of a protocol file in {@code clients/protocol/}: the subset of JSON Schema
 * those files use (type, const, enum, required, properties, additionalProperties, items, $ref, also to a sibling
 * file). Returns what differs; a test asserts the list is empty. Shared by the modules' tests (core's test jar).
 */
public final class ProtocolSchema {

    private static final Path DIR = Path.of("..", "clients", "protocol");

    private final JsonNode root;

    private ProtocolSchema(JsonNode root) {
        this.root = root;
    }

    public static ProtocolSchema load(String file) throws IOException {
        return new ProtocolSchema(new ObjectMapper().readTree(DIR.resolve(file).toFile()));
    }

    public List<String> check(String definition, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(root.path("$defs").path(definition), value, definition, problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.isMissingNode()) {
            problems.add(at + ": no such definition");
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            if (hash > 0) {
                try {
                    load(ref.substring(0, hash)).check(root(ref.substring(0, hash)).at(ref.substring(hash + 1)),
                            value, at, problems);
                } catch (IOException e) {
                    problems.add(at + ": cannot read " + ref + ": " + e.getMessage());
                }
                return;
            }
            check(root.at(ref.substring(1)), value, at, problems);
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            problems.add(at + ": " + value.getNodeType() + " is not " + type);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    problems.add(at + ": required '" + r.asText() + "' is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (properties.has(f.getKey())) {
                    check(properties.get(f.getKey()), f.getValue(), at + "." + f.getKey(), problems);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    problems.add(at + ": '" + f.getKey() + "' is sent but not declared");
                } else if (additional != null && additional.isObject()) {
                    check(additional, f.getValue(), at + "." + f.getKey(), problems);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(schema.get("items"), item, at + "[" + i++ + "]", problems);
            }
        }
    }

    private static JsonNode root(String file) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve(file).toFile());
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
