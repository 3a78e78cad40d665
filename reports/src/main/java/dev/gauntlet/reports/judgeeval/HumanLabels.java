package dev.gauntlet.reports.judgeeval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Human labels in the two published formats. AgentRewardBench's {@code annotations.csv}: one row per annotation with
 * {@code task_id} ({@code webarena.177}), {@code model_name} and {@code trajectory_success} ({@code Successful} or
 * {@code Unsuccessful}; {@code Unsure} or empty is left out, as its scoring does); the first annotation of a task and
 * model counts. Online-Mind2Web's {@code human_label.json}: a list of objects with {@code task_id} and one
 * {@code <Agent>_human_label} per agent, {@code "1"} success, {@code "0"} failure, {@code "2"} not executable (left
 * out).
 */
final class HumanLabels {

    /** One human verdict: the task as the label names it, the agent it judged, success or not. */
    record Label(String task, String agent, boolean success) {}

    /** The labels read, and how many entries were left out (unsure, not executable, repeated). */
    record Read(List<Label> labels, int leftOut) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private HumanLabels() {}

    static Read read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return rewardBench(file);
        }
        if (name.endsWith(".json")) {
            return onlineMind2Web(file);
        }
        throw new IllegalArgumentException(file + ": a labels file is AgentRewardBench's .csv or Online-Mind2Web's .json");
    }

    private static Read rewardBench(Path file) throws IOException {
        List<String[]> rows;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            rows = csv.readAll();
        } catch (CsvException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        List<String> header = List.of(rows.get(0));
        int task = column(file, header, "task_id");
        int model = column(file, header, "model_name");
        int success = column(file, header, "trajectory_success");
        Map<List<String>, Label> first = new LinkedHashMap<>();
        int leftOut = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (row.length <= Math.max(task, Math.max(model, success))) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + row.length + " columns, "
                        + header.size() + " expected");
            }
            String label = row[success].strip().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
            Boolean s = switch (label) {
                case "successful", "success", "yes" -> true;
                case "unsuccessful", "failure", "no", "unsuccesful" -> false;
                case "unsure", "" -> null;
                default -> throw new IllegalArgumentException(file + " line " + (i + 1) + ": trajectory_success is '"
                        + row[success] + "' but must be Successful, Unsuccessful or Unsure");
            };
            List<String> key = List.of(row[task], row[model]);
            if (s == null || first.containsKey(key)) {
                leftOut++;
                continue;
            }
            first.put(key, new Label(row[task], row[model], s));
        }
        return new Read(new ArrayList<>(first.values()), leftOut);
    }

    private static Read onlineMind2Web(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!root.isArray()) {
            throw new IllegalArgumentException(file + " must hold a JSON list of {task_id, <Agent>_human_label, ...}");
        }
        List<Label> out = new ArrayList<>();
        int leftOut = 0;
        int i = 0;
        for (JsonNode entry : root) {
            String task = entry.path("task_id").asText("");
            if (task.isEmpty()) {
                throw new IllegalArgumentException(file + " entry " + i + " has no task_id");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!f.getKey().endsWith("_human_label")) {
                    continue;
                }
                String agent = f.getKey().substring(0, f.getKey().length() - "_human_label".length());
                switch (f.getValue().asText()) {
                    case "1" -> out.add(new Label(task, agent, true));
                    case "0" -> out.add(new Label(task, agent, false));
                    case "2" -> leftOut++;
                    default -> throw new IllegalArgumentException(file + " entry " + i + " (" + task + "): "
                            + f.getKey() + " is '" + f.getValue().asText() + "' but must be \"0\", \"1\" or \"2\"");
                }
            }
            i++;
        }
        return new Read(out, leftOut);
    }

    private static int column(Path file, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + " has no column '" + name + "' (AgentRewardBench's "
                    + "annotations.csv has task_id, model_name, trajectory_success)");
        }
        return i;
    }
}
