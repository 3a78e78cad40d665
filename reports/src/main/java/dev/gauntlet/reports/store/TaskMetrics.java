package dev.gauntlet.reports.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A task's own figures, which a suite's oracle may give beside its score: under the verdict's evidence
 * {@code "metrics"} a map of name → number (Mind2Web: element_accuracy, operation_f1, step_success_rate), optionally
 * {@code "metrics_group"} (the group the task counts in, Mind2Web's split) and {@code "metrics_weight"} (its weight
 * for micro averages, Mind2Web's step count). Kept in {@code results.csv} as one JSON column, {@code metrics}, and
 * averaged per group by {@link #averages}.
 *
 * @param values the figures, by name, in the oracle's order
 * @param group  the group, {@code ""} when none
 * @param weight the weight, 1 when none
 */
public record TaskMetrics(Map<String, Double> values, String group, double weight) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TaskMetrics {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        group = group == null ? "" : group;
    }

    /** Returns the figures of an oracle's verdict, if it gives any. */
    public static java.util.Optional<TaskMetrics> of(Verdict v) {
        if (v == null || !(v.evidence().get("metrics") instanceof Map<?, ?> m) || m.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        m.forEach((k, n) -> {
            if (n instanceof Number x) {
                values.put(String.valueOf(k), x.doubleValue());
            }
        });
        Object group = v.evidence().get("metrics_group");
        double weight = v.evidence().get("metrics_weight") instanceof Number n ? n.doubleValue() : 1;
        return java.util.Optional.of(new TaskMetrics(values, group == null ? "" : String.valueOf(group), weight));
    }

    /** Returns the CSV cell: {@code {"group":..,"weight":..,"values":{..}}}. */
    String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("group", group);
        n.put("weight", weight);
        ObjectNode v = n.putObject("values");
        values.forEach(v::put);
        return n.toString();
    }

    /**
     * Reads a CSV cell written by {@link #toJson}; {@code ""} is none.
     *
     * @throws IllegalArgumentException when the cell is not such JSON
     */
    static java.util.Optional<TaskMetrics> parse(String cell) {
        if (cell == null || cell.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(cell);
            Map<String, Double> values = new LinkedHashMap<>();
            n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
            return java.util.Optional.of(new TaskMetrics(values, n.path("group").asText(""), n.path("weight").asDouble(1)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("column 'metrics' holds '" + cell + "', not JSON");
        }
    }

    /**
     * The averages of one group of tasks.
     *
     * @param tasks       how many tasks gave figures
     * @param macro       each figure's mean over tasks
     * @param micro       each figure's mean weighted by the tasks' weights (over steps, for Mind2Web)
     * @param successRate passed / (passed + failed) among those tasks
     */
    public record Averages(int tasks, Map<String, Double> macro, Map<String, Double> micro, double successRate) {}

    /** Returns the averages per group (sorted), then over all rows under {@code "all"}; empty when no row has figures. */
    public static Map<String, Averages> averages(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = new TreeMap<>();
        List<ResultRow> all = new ArrayList<>();
        for (ResultRow r : rows) {
            r.metrics().ifPresent(m -> {
                all.add(r);
                if (!m.group().isEmpty()) {
                    groups.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(r);
                }
            });
        }
        Map<String, Averages> out = new LinkedHashMap<>();
        if (all.isEmpty()) {
            return out;
        }
        groups.forEach((g, list) -> out.put(g, average(list)));
        out.put("all", average(all));
        return out;
    }

    private static Averages average(List<ResultRow> rows) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // name -> {sum, weighted sum, count, weight}
        int passed = 0, scored = 0;
        for (ResultRow r : rows) {
            TaskMetrics m = r.metrics().orElseThrow();
            m.values().forEach((k, x) -> {
                double[] s = sums.computeIfAbsent(k, key -> new double[4]);
                s[0] += x;
                s[1] += x * m.weight();
                s[2]++;
                s[3] += m.weight();
            });
            passed += r.passed() ? 1 : 0;
            scored += r.scored() ? 1 : 0;
        }
        Map<String, Double> macro = new LinkedHashMap<>();
        Map<String, Double> micro = new LinkedHashMap<>();
        sums.forEach((k, s) -> {
            macro.put(k, s[0] / s[2]);
            micro.put(k, s[3] == 0 ? Double.NaN : s[1] / s[3]);
        });
        return new Averages(rows.size(), macro, micro, scored == 0 ? Double.NaN : (double) passed / scored);
    }
}
