package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Reads the upstream config format: a JSON array of tasks ({@code test.raw.json}, the WebArena-Lite file), a single
 * task object, or a folder of such files. A task with a missing or wrongly typed field is reported (file, task_id,
 * field) and left out; the others load.
 */
final class WebArenaConfigLoader {

    static final ObjectMapper JSON = new ObjectMapper();

    private final BiConsumer<String, String> problems;

    WebArenaConfigLoader(BiConsumer<String, String> problems) {
        this.problems = problems;
    }

    List<WebArenaTaskSpec> load(Path path) throws IOException {
        List<WebArenaTaskSpec> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .sorted(Comparator.comparing(WebArenaConfigLoader::numericName)).toList();
            }
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.addAll(read(in, f.toString()));
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(path)) {
                out.addAll(read(in, path.toString()));
            }
        }
        return out;
    }

    List<WebArenaTaskSpec> read(InputStream in, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            problems.accept(file, "not valid JSON: " + e.getMessage());
            return List.of();
        }
        List<WebArenaTaskSpec> out = new ArrayList<>();
        if (root.isObject()) {
            parse(root, file, 0).ifPresent(out::add);
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                parse(root.get(i), file, i).ifPresent(out::add);
            }
        } else {
            problems.accept(file, "expected a task object or an array of tasks");
        }
        return out;
    }

    private java.util.Optional<WebArenaTaskSpec> parse(JsonNode t, String file, int index) {
        String where = file + " task_id " + (t.path("task_id").isInt() ? t.get("task_id").asText() : "#" + index);
        try {
            Fields f = new Fields(t, where);
            int id = f.integer("task_id", true);
            JsonNode e = f.object("eval", true);
            Fields ef = new Fields(e, where + " eval");
            List<WebArenaTaskSpec.Target> targets = new ArrayList<>();
            JsonNode html = ef.array("program_html");
            for (int i = 0; html != null && i < html.size(); i++) {
                Fields hf = new Fields(html.get(i), where + " eval.program_html[" + i + "]");
                targets.add(new WebArenaTaskSpec.Target(hf.text("url", true), hf.text("locator", true),
                        hf.object("required_contents", true), hf.strings("prep_actions", false)));
            }
            warnOnNonListApproaches(ef.object("reference_answers", false), where);
            WebArenaTaskSpec.EvalSpec eval = new WebArenaTaskSpec.EvalSpec(ef.strings("eval_types", true),
                    ef.object("reference_answers", false), ef.text("reference_url", false), targets,
                    ef.text("string_note", false), ef.text("url_note", false), e);
            return java.util.Optional.of(new WebArenaTaskSpec(id, f.strings("sites", true),
                    f.bool("require_login"), f.text("storage_state", false), f.text("start_url", true),
                    f.object("geolocation", false), f.text("intent_template", false),
                    f.object("instantiation_dict", false), f.text("intent", true),
                    f.optionalInt("intent_template_id"), f.bool("require_reset"), eval, f.optionalInt("old_task_id"),
                    f.strings("gauntlet_gold", false), file));
        } catch (IllegalArgumentException ex) {
            problems.accept(where, ex.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * Upstream's string evaluators assert that {@code must_include}, {@code must_exclude} and {@code one_of} are lists;
     * a task whose file gives a string (WebArena-Lite's newer file, task 81) fails there on that assertion. The task
     * is kept and reported broken with the same reason, and discovery says so up front.
     */
    private void warnOnNonListApproaches(JsonNode answers, String where) {
        if (answers == null) {
            return;
        }
        for (String approach : List.of("must_include", "must_exclude", "one_of")) {
            JsonNode v = answers.get(approach);
            if (v != null && !v.isArray()) {
                problems.accept(where + " eval.reference_answers." + approach, UPSTREAM_ASSERTS + " (it is "
                        + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "); the task will be reported "
                        + "broken, as upstream's evaluator fails it");
            }
        }
    }

    /** The start of the discovery warning for a field upstream's evaluator asserts to be a list. */
    static final String UPSTREAM_ASSERTS = "is not a list, which upstream's evaluator asserts";

    private static long numericName(Path f) {
        String n = f.getFileName().toString().replace(".json", "");
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Typed access to one object's fields; a violation names the field. */
    private record Fields(JsonNode node, String where) {

        Fields {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("expected an object");
            }
        }

        private JsonNode get(String name, boolean required) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                if (required) {
                    throw new IllegalArgumentException("field '" + name + "' is missing");
                }
                return null;
            }
            return v;
        }

        private IllegalArgumentException wrong(String name, String expected, JsonNode v) {
            return new IllegalArgumentException("field '" + name + "' must be " + expected + ", not "
                    + v.getNodeType().name().toLowerCase());
        }

        int integer(String name, boolean required) {
            JsonNode v = get(name, required);
            if (v != null && !v.isInt()) {
                throw wrong(name, "a whole number", v);
            }
            return v == null ? 0 : v.asInt();
        }

        Integer optionalInt(String name) {
            JsonNode v = get(name, false);
            return v == null ? null : integer(name, true);
        }

        boolean bool(String name) {
            JsonNode v = get(name, false);
            if (v != null && !v.isBoolean()) {
                throw wrong(name, "true or false", v);
            }
            return v != null && v.asBoolean();
        }

        String text(String name, boolean required) {
            JsonNode v = get(name, required);
            if (v != null && !v.isTextual()) {
                throw wrong(name, "a string", v);
            }
            return v == null ? null : v.asText();
        }

        JsonNode object(String name, boolean required) {
            JsonNode v = get(name, required);
            if (v != null && !v.isObject()) {
                throw wrong(name, "an object", v);
            }
            return v;
        }

        JsonNode array(String name) {
            JsonNode v = get(name, false);
            if (v != null && !v.isArray()) {
                throw wrong(name, "a list", v);
            }
            return v;
        }

        List<String> strings(String name, boolean required) {
            JsonNode v = get(name, required);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                throw wrong(name, "a list of strings", v);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode s : v) {
                if (!s.isTextual()) {
                    throw wrong(name + "[]", "a string", s);
                }
                out.add(s.asText());
            }
            return out;
        }
    }
}
