package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns one task object of the dataset into a {@link Mind2WebTask}, naming the field when something is wrong. */
final class TaskJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field that is missing or of the wrong kind; {@link #field} is its path in the task object. */
    static final class MalformedException extends Exception {
        final String field;

        MalformedException(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private TaskJson() {}

    static Mind2WebTask task(JsonNode node) throws MalformedException {
        if (!node.isObject()) {
            throw new MalformedException("(task)", "is not an object");
        }
        String id = text(node, "annotation_id", true);
        List<String> reprs = new ArrayList<>();
        JsonNode r = node.get("action_reprs");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                throw new MalformedException("action_reprs", "is not a list");
            }
            r.forEach(x -> reprs.add(x.asText()));
        }
        JsonNode actions = node.get("actions");
        if (actions == null || !actions.isArray()) {
            throw new MalformedException("actions", actions == null ? "is missing" : "is not a list");
        }
        List<Mind2WebStep> steps = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            steps.add(step(actions.get(i), "actions[" + i + "]"));
        }
        return new Mind2WebTask(id, text(node, "website", false), text(node, "domain", false),
                text(node, "subdomain", false), text(node, "confirmed_task", true), reprs, steps);
    }

    private static Mind2WebStep step(JsonNode a, String at) throws MalformedException {
        if (!a.isObject()) {
            throw new MalformedException(at, "is not an object");
        }
        JsonNode op = a.get("operation");
        if (op == null || !op.isObject()) {
            throw new MalformedException(at + ".operation", op == null ? "is missing" : "is not an object");
        }
        String opName = text(op, "op", true, at + ".operation");
        Op parsed;
        try {
            parsed = Op.valueOf(opName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedException(at + ".operation.op", "is '" + opName + "', not one of CLICK, TYPE, SELECT");
        }
        Operation operation = new Operation(parsed, text(op, "original_op", false, at + ".operation"),
                text(op, "value", false, at + ".operation"));
        return new Mind2WebStep(text(a, "action_uid", true, at), text(a, "raw_html", false, at),
                text(a, "cleaned_html", false, at), operation, candidates(a, "pos_candidates", at),
                candidates(a, "neg_candidates", at));
    }

    private static List<Candidate> candidates(JsonNode a, String name, String at) throws MalformedException {
        JsonNode list = a.get(name);
        List<Candidate> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new MalformedException(at + "." + name, "is not a list");
        }
        for (int i = 0; i < list.size(); i++) {
            String where = at + "." + name + "[" + i + "]";
            JsonNode c = list.get(i);
            if (!c.isObject()) {
                throw new MalformedException(where, "is not an object");
            }
            Map<String, String> attributes = attributes(c.get("attributes"), where + ".attributes");
            String id = text(c, "backend_node_id", false, where);
            if (id.isEmpty()) {
                id = attributes.getOrDefault("backend_node_id", "");
            }
            if (id.isEmpty()) {
                throw new MalformedException(where + ".backend_node_id", "is missing");
            }
            out.add(new Candidate(text(c, "tag", false, where), id, attributes,
                    c.path("is_original_target").asBoolean(false), c.path("is_top_level_target").asBoolean(false)));
        }
        return out;
    }

    /** The dataset writes attributes as a JSON string; an object is accepted too. */
    private static Map<String, String> attributes(JsonNode node, String where) throws MalformedException {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        JsonNode object = node;
        if (node.isTextual()) {
            try {
                object = JSON.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw new MalformedException(where, "is not a JSON object string: " + e.getOriginalMessage());
            }
        }
        if (!object.isObject()) {
            throw new MalformedException(where, "is not a JSON object");
        }
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().toString()));
        return out;
    }

    private static String text(JsonNode node, String field, boolean required) throws MalformedException {
        return text(node, field, required, "");
    }

    private static String text(JsonNode node, String field, boolean required, String at) throws MalformedException {
        JsonNode v = node.get(field);
        String path = at.isEmpty() ? field : at + "." + field;
        if (v == null || v.isNull()) {
            if (required) {
                throw new MalformedException(path, "is missing");
            }
            return "";
        }
        if (v.isContainerNode()) {
            throw new MalformedException(path, "is not a string");
        }
        return v.asText();
    }
}
