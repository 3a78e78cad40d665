package dev.gauntlet.suites.webvoyager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads the live-web task files: WebVoyager's JSON lines ({@code web_name, id, ques, web}), its reference answers
 * ({@code {site: {answers: [{id, type, ans}]}}}), and Online-Mind2Web's JSON list ({@code task_id, confirmed_task,
 * website, reference_length, level}). A malformed line or entry is a problem naming file, line and field; the
 * others load.
 */
final class LiveTaskFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private LiveTaskFiles() {}

    /** Reads WebVoyager's task file, one JSON object per line. */
    static List<LiveTask> webVoyager(BufferedReader in, String file, BiConsumer<String, String> problems)
            throws IOException {
        List<LiveTask> out = new ArrayList<>();
        String text;
        for (int n = 1; (text = in.readLine()) != null; n++) {
            if (text.isBlank()) {
                continue;
            }
            String where = file + ":" + n;
            try {
                JsonNode t = JSON.readTree(text);
                out.add(new LiveTask(field(t, "id", where), field(t, "web_name", where), field(t, "ques", where),
                        webUrl(field(t, "web", where)), null, 0, gold(t, where), where));
            } catch (IllegalArgumentException e) {
                problems.accept(where, e.getMessage());
            } catch (IOException e) {
                problems.accept(where, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return out;
    }

    /** Reads WebVoyager's reference answers into task id → answer. */
    static Map<String, ReferenceAnswer> answers(JsonNode root, String file, BiConsumer<String, String> problems) {
        Map<String, ReferenceAnswer> out = new HashMap<>();
        if (!root.isObject()) {
            problems.accept(file, "expected an object of sites, each with 'answers'");
            return out;
        }
        root.fields().forEachRemaining(site -> {
            JsonNode answers = site.getValue().path("answers");
            for (int i = 0; i < answers.size(); i++) {
                JsonNode a = answers.get(i);
                String where = file + " " + site.getKey() + ".answers[" + i + "]";
                String type = a.path("type").asText("").toUpperCase(Locale.ROOT);
                if (!type.equals("GOLDEN") && !type.equals("POSSIBLE")) {
                    problems.accept(where, "field 'type' is '" + a.path("type").asText("") + "', not golden or possible");
                    continue;
                }
                // ids in the answers file are the number of the task within its site
                String id = site.getKey() + "--" + a.path("id").asText();
                out.put(id, new ReferenceAnswer(ReferenceAnswer.Type.valueOf(type), a.path("ans").asText("")));
            }
        });
        return out;
    }

    /** Reads Online-Mind2Web's task list. */
    static List<LiveTask> onlineMind2Web(JsonNode root, String file, BiConsumer<String, String> problems) {
        List<LiveTask> out = new ArrayList<>();
        if (!root.isArray()) {
            problems.accept(file, "expected a JSON list of tasks");
            return out;
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode t = root.get(i);
            String where = file + " [" + i + "]" + (t.hasNonNull("task_id") ? " task_id " + t.get("task_id").asText() : "");
            try {
                String website = field(t, "website", where);
                String level = t.path("level").asText("").toLowerCase(Locale.ROOT);
                if (!List.of("easy", "medium", "hard").contains(level)) {
                    throw new IllegalArgumentException("field 'level' is '" + t.path("level").asText("")
                            + "', not easy, medium or hard");
                }
                String host = URI.create(website.contains("://") ? website : "https://" + website).getHost();
                out.add(new LiveTask(field(t, "task_id", where), host == null ? website : host,
                        field(t, "confirmed_task", where), website.contains("://") ? website : "https://" + website,
                        level, t.path("reference_length").asInt(0), List.of(), where));
            } catch (IllegalArgumentException e) {
                problems.accept(where, e.getMessage());
            }
        }
        return out;
    }

    /** The hosts a live task's browser may reach (see {@link LiveWebTasks#hosts}); Google for WebVoyager's action. */
    static java.util.Set<String> hostsOrAll(String url, List<String> extra) {
        List<String> all = new ArrayList<>(extra);
        all.add("www.google.com");
        return LiveWebTasks.hosts(url, all);
    }

    /** Returns {@code url} when it is an http(s) address with a host, else says what is wrong with field 'web'. */
    private static String webUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("field 'web' is '" + url + "', not an http(s) address");
    }

    private static String field(JsonNode t, String name, String where) {
        JsonNode v = t.get(name);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("field '" + name + "' must be text");
        }
        return v.asText();
    }

    private static List<String> gold(JsonNode t, String where) {
        JsonNode g = t.get("gauntlet_gold");
        if (g == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        g.forEach(a -> out.add(a.asText()));
        return out;
    }
}
