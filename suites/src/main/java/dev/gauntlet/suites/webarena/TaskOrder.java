package dev.gauntlet.suites.webarena;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders tasks so each runs after the tasks it depends on, otherwise keeping the config's order. The dependency file
 * is JSON ({@code {"12": [3, 7]}}) or BrowserGym's metadata CSV (columns {@code task_name}/{@code task_id} and
 * {@code depends_on}, entries such as {@code webarena.3 webarena.7}).
 */
final class TaskOrder {

    private static final Pattern ID = Pattern.compile("(\\d+)(?!.*\\d)");

    private TaskOrder() {}

    static Map<Integer, List<Integer>> read(Path file) throws IOException {
        String text = Files.readString(file);
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        if (text.trim().startsWith("{")) {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            root.fields().forEachRemaining(e -> {
                List<Integer> deps = new ArrayList<>();
                e.getValue().forEach(d -> deps.add(d.asInt()));
                out.put(Integer.parseInt(e.getKey().replaceAll("\\D", "")), deps);
            });
            return out;
        }
        List<String> lines = text.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int name = header.indexOf("task_name") >= 0 ? header.indexOf("task_name") : header.indexOf("task_id");
        int deps = header.indexOf("depends_on");
        if (name < 0 || deps < 0) {
            throw new IOException(file + ": expected columns task_name (or task_id) and depends_on");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length <= Math.max(name, deps)) {
                continue;
            }
            List<Integer> ids = new ArrayList<>();
            for (String d : cells[deps].replace("\"", "").trim().split("\\s+")) {
                Matcher m = ID.matcher(d);
                if (m.find()) {
                    ids.add(Integer.parseInt(m.group(1)));
                }
            }
            Matcher m = ID.matcher(cells[name]);
            if (m.find()) {
                out.put(Integer.parseInt(m.group(1)), ids);
            }
        }
        return out;
    }

    /** Returns {@code tasks} in dependency order; a cycle is reported and its tasks keep their config order. */
    static List<WebArenaTaskSpec> sort(List<WebArenaTaskSpec> tasks, Map<Integer, List<Integer>> depends,
                                       BiConsumer<String, String> problems) {
        Map<Integer, WebArenaTaskSpec> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.taskId(), t));
        List<WebArenaTaskSpec> out = new ArrayList<>();
        Set<Integer> done = new HashSet<>();
        Map<Integer, Integer> state = new HashMap<>();
        for (WebArenaTaskSpec t : tasks) {
            visit(t.taskId(), byId, depends, done, state, out, problems);
        }
        return out;
    }

    private static void visit(int id, Map<Integer, WebArenaTaskSpec> byId, Map<Integer, List<Integer>> depends,
                              Set<Integer> done, Map<Integer, Integer> state, List<WebArenaTaskSpec> out,
                              BiConsumer<String, String> problems) {
        if (done.contains(id) || !byId.containsKey(id)) {
            return;
        }
        if (state.getOrDefault(id, 0) == 1) {
            problems.accept("depends task_id " + id, "dependency cycle; config order kept");
            return;
        }
        state.put(id, 1);
        for (int dep : depends.getOrDefault(id, List.of())) {
            visit(dep, byId, depends, done, state, out, problems);
        }
        state.put(id, 2);
        if (done.add(id)) {
            out.add(byId.get(id));
        }
    }
}
