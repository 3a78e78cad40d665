package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small files in the dataset's format (our own words), for the tests. */
final class DatasetFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFiles() {}

    /** A task whose step i clicks (or types, for a step given as "TYPE:value") element "p{i}" among "p{i}" and "n{i}a/b". */
    static ObjectNode task(String id, String website, String domain, String... ops) {
        ObjectNode t = JSON.createObjectNode();
        t.put("annotation_id", id);
        t.put("website", website);
        t.put("domain", domain);
        t.put("subdomain", domain + " things");
        t.put("confirmed_task", "Do the " + id + " errand on " + website + ".");
        ArrayNode reprs = t.putArray("action_reprs");
        ArrayNode actions = t.putArray("actions");
        for (int i = 0; i < ops.length; i++) {
            String op = ops[i].contains(":") ? ops[i].substring(0, ops[i].indexOf(':')) : ops[i];
            String value = ops[i].contains(":") ? ops[i].substring(ops[i].indexOf(':') + 1) : "";
            reprs.add("[button]  Thing " + i + " -> " + op + (value.isEmpty() ? "" : ": " + value));
            ObjectNode a = actions.addObject();
            a.put("action_uid", id + "-u" + i);
            a.put("raw_html", "<html><body><button backend_node_id=\"p" + i + "\">Thing " + i + "</button></body></html>");
            a.put("cleaned_html", "<html backend_node_id=\"1\"><body><button backend_node_id=\"p" + i + "\">Thing " + i
                    + "</button><a backend_node_id=\"n" + i + "a\">Other</a><a backend_node_id=\"n" + i + "b\">More</a></body></html>");
            ObjectNode operation = a.putObject("operation");
            operation.put("op", op);
            operation.put("original_op", op);
            operation.put("value", value);
            candidate(a.putArray("pos_candidates"), "button", "p" + i, true);
            ArrayNode neg = a.putArray("neg_candidates");
            candidate(neg, "a", "n" + i + "a", false);
            candidate(neg, "a", "n" + i + "b", false);
        }
        return t;
    }

    static void candidate(ArrayNode list, String tag, String id, boolean flags) {
        ObjectNode c = list.addObject();
        c.put("tag", tag);
        c.put("attributes", "{\"backend_node_id\": \"" + id + "\", \"class\": \"x\"}");
        c.put("backend_node_id", id);
        if (flags) {
            c.put("is_original_target", true);
            c.put("is_top_level_target", true);
        }
    }

    static Path write(Path file, ObjectNode... tasks) throws IOException {
        Files.createDirectories(file.getParent());
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode t : tasks) {
            list.add(t);
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
        return file;
    }

    static List<String> ids(dev.gauntlet.suite.TaskSet set) {
        return set.tasks().stream().map(dev.gauntlet.api.Task::id).toList();
    }
}
