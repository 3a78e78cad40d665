package dev.gauntlet.reports.store;

import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One line of {@code results.csv}: an episode (task × seed × agent) as the run store keeps it.
 *
 * @param suite      suite name
 * @param task       task id
 * @param seed       seed
 * @param agent      agent spec
 * @param status     {@code passed}, {@code failed}, {@code broken} or {@code skipped}
 * @param reward     the benchmark's reward (the oracle's {@code reward} evidence, else its score), NaN if none
 * @param steps      steps taken
 * @param durationMs wall time of the episode
 * @param score      the suite's native metric (the oracle's score), NaN if none
 * @param error      why a broken episode broke or a skipped one was skipped, else {@code ""}
 * @param answer     the agent's final answer
 * @param tokensIn   prompt tokens of the agent
 * @param tokensOut  completion tokens of the agent
 * @param costUsd    the agent's cost
 * @param verdicts   evaluator column ({@code oracle}, {@code judge:<name>}) → {@code success}, {@code failure},
 *                   {@code unscored} or {@code ""} when it did not run
 */
public record ResultRow(String suite, String task, long seed, String agent, String status, double reward, int steps,
                        long durationMs, double score, String error, String answer, long tokensIn, long tokensOut,
                        double costUsd, Map<String, String> verdicts) {

    /** The fixed columns, in order; evaluator columns follow them. */
    public static final List<String> COLUMNS = List.of("suite", "task", "seed", "agent", "status", "success", "reward",
            "steps", "duration_ms", "score", "error", "answer", "tokens_in", "tokens_out", "cost_usd", "oracle");

    /** The columns a results file must have to be read at all (the first generation of the file had only these). */
    public static final List<String> REQUIRED = COLUMNS.subList(0, 9);

    static final Set<String> STATUSES = Set.of("passed", "failed", "broken", "skipped");

    public ResultRow {
        verdicts = Map.copyOf(verdicts == null ? Map.of() : verdicts);
        error = error == null ? "" : error;
        answer = answer == null ? "" : answer;
    }

    /** Returns the header of a run's file: the fixed columns, then one {@code judge:<name>} column per judge. */
    public static List<String> header(List<String> judges) {
        List<String> out = new ArrayList<>(COLUMNS);
        for (String j : judges) {
            out.add("judge:" + j);
        }
        return out;
    }

    /** Makes the row of an episode. */
    public static ResultRow of(EpisodeResult r) {
        Map<String, String> verdicts = new TreeMap<>();
        r.oracle().ifPresent(v -> verdicts.put("oracle", outcome(v)));
        for (Verdict v : r.verdicts()) {
            if (v.evaluator().startsWith("judge:")) {
                verdicts.put(v.evaluator(), outcome(v));
            }
        }
        double reward = r.oracle().map(v -> v.evidence().get("reward") instanceof Number n ? n.doubleValue() : v.score())
                .orElse(Double.NaN);
        String error = "";
        if (r.status() == EpisodeResult.Status.BROKEN || r.status() == EpisodeResult.Status.SKIPPED) {
            error = r.message().isEmpty() && r.error() != null ? r.error().toString() : r.message();
        }
        Usage u = r.usage();
        // a suite whose native score is a scaled reward says so (WebShop's score is 100 x reward)
        double scale = r.task().metadata().get("score_scale") instanceof Number n ? n.doubleValue() : 1.0;
        return new ResultRow(r.task().suite(), r.task().id(), r.seed(), r.agent(), r.status().label(), reward, r.steps(),
                r.durationMillis(), r.score() * scale, error, r.trajectory() == null ? "" : r.trajectory().answer(),
                u.tokensIn(), u.tokensOut(), u.costUsd(), verdicts);
    }

    private static String outcome(Verdict v) {
        return v.outcome().name().toLowerCase(Locale.ROOT);
    }

    public boolean passed() {
        return status.equals("passed");
    }

    /** Tells whether the episode was scored (passed or failed), i.e. counts in the success rate. */
    public boolean scored() {
        return status.equals("passed") || status.equals("failed");
    }

    public boolean started() {
        return !status.equals("skipped");
    }

    /** Returns the values for {@code header}, in its order. */
    public String[] toCsv(List<String> header) {
        String[] out = new String[header.size()];
        for (int i = 0; i < out.length; i++) {
            String c = header.get(i);
            out[i] = switch (c) {
                case "suite" -> suite;
                case "task" -> task;
                case "seed" -> Long.toString(seed);
                case "agent" -> agent;
                case "status" -> status;
                case "success" -> Boolean.toString(passed());
                case "reward" -> number(reward);
                case "steps" -> Integer.toString(steps);
                case "duration_ms" -> Long.toString(durationMs);
                case "score" -> number(score);
                case "error" -> error;
                case "answer" -> answer;
                case "tokens_in" -> Long.toString(tokensIn);
                case "tokens_out" -> Long.toString(tokensOut);
                case "cost_usd" -> number(costUsd);
                default -> verdicts.getOrDefault(c, "");
            };
        }
        return out;
    }

    /** Formats a number for the CSV: up to 6 decimals, no trailing zeros, {@code ""} for NaN. */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    /**
     * Reads a row under {@code header}; columns a file lacks (older files) read as empty.
     *
     * @throws IllegalArgumentException naming the column when a value is not what the column holds
     */
    public static ResultRow parse(List<String> header, String[] values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException(values.length + " values for " + header.size() + " columns");
        }
        Map<String, String> v = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            v.put(header.get(i), values[i]);
        }
        String status = v.get("status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status '" + status + "' is not one of " + new java.util.TreeSet<>(STATUSES));
        }
        Map<String, String> verdicts = new TreeMap<>();
        for (String c : header) {
            if ((c.equals("oracle") || c.startsWith("judge:")) && !v.get(c).isEmpty()) {
                verdicts.put(c, v.get(c));
            }
        }
        return new ResultRow(text(v, "suite", true), text(v, "task", true), (long) num(v, "seed", false),
                text(v, "agent", true), status, num(v, "reward", true), (int) num(v, "steps", false),
                (long) num(v, "duration_ms", false), num(v, "score", true), text(v, "error", false),
                text(v, "answer", false), (long) num(v, "tokens_in", true, 0), (long) num(v, "tokens_out", true, 0),
                num(v, "cost_usd", true, 0), verdicts);
    }

    private static String text(Map<String, String> v, String column, boolean required) {
        String s = v.getOrDefault(column, "");
        if (required && s.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' is empty");
        }
        return s;
    }

    private static double num(Map<String, String> v, String column, boolean mayBeEmpty) {
        return num(v, column, mayBeEmpty, Double.NaN);
    }

    private static double num(Map<String, String> v, String column, boolean mayBeEmpty, double empty) {
        String s = v.getOrDefault(column, "");
        if (s.isEmpty()) {
            if (mayBeEmpty) {
                return empty;
            }
            throw new IllegalArgumentException("column '" + column + "' is empty");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "' holds '" + s + "', not a number");
        }
    }
}
