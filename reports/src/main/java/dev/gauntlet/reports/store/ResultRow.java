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
 * @param status     {@code passed}, {@code failed}, {@code broken}, {@code skipped} or {@code blocked} (the site
 *                   refused the browser)
 * @param reward     the benchmark's reward (the oracle's {@code reward} evidence, else its score), NaN if none
 * @param steps      steps taken
 * @param durationMs wall time of the episode
 * @param score      the suite's native metric (the oracle's score), NaN if none
 * @param error      why a broken episode broke, a skipped one was skipped or a blocked one was blocked, else {@code ""}
 * @param answer     the agent's final answer
 * @param tokensIn   prompt tokens of the agent
 * @param tokensOut  completion tokens of the agent
 * @param costUsd    the agent's cost
 * @param oracle     the oracle's outcome: {@code success}, {@code failure}, {@code unscored}, or {@code ""} when
 *                   the task has none
 * @param judges     judge name → its outcome, for the judges that ran
 * @param figures    the task's own figures from the oracle ({@link TaskMetrics}), or {@code null} when it gave none
 * @param answerCheck the outcome of the task's answer check when it is not the oracle (live WebVoyager tasks with a
 *                   golden answer): {@code success}, {@code failure}, {@code unscored}, or {@code ""}; never the score
 */
public record ResultRow(String suite, String task, long seed, String agent, String status, double reward, int steps,
                        long durationMs, double score, String error, String answer, long tokensIn, long tokensOut,
                        double costUsd, String oracle, Map<String, String> judges, TaskMetrics figures,
                        String answerCheck) {

    /** The fixed columns, in order; evaluator columns follow them. */
    public static final List<String> COLUMNS = List.of("suite", "task", "seed", "agent", "status", "success", "reward",
            "steps", "duration_ms", "score", "error", "answer", "tokens_in", "tokens_out", "cost_usd", "oracle", "metrics",
            "answer_check");

    /** The columns a results file must have to be read at all (the first generation of the file had only these). */
    public static final List<String> REQUIRED = COLUMNS.subList(0, 9);

    static final Set<String> STATUSES = java.util.Arrays.stream(EpisodeResult.Status.values())
            .map(EpisodeResult.Status::label).collect(java.util.stream.Collectors.toUnmodifiableSet());

    public ResultRow {
        oracle = oracle == null ? "" : oracle;
        answerCheck = answerCheck == null ? "" : answerCheck;
        judges = Map.copyOf(judges == null ? Map.of() : judges);
        error = error == null ? "" : error;
        answer = answer == null ? "" : answer;
    }

    /** The column of the answer check (and its label in reports). */
    public static final String ANSWER_CHECK = "answer_check";

    /** The prefix of a judge's column in results files ({@code judge:webvoyager}) and of its key in summaries. */
    private static final String JUDGE_COLUMN = "judge:";

    /** Returns the header of a run's file: the fixed columns, then one {@code judge:<name>} column per judge. */
    public static List<String> header(List<String> judges) {
        List<String> out = new ArrayList<>(COLUMNS);
        for (String j : judges) {
            out.add(judgeColumn(j));
        }
        return out;
    }

    /** Returns the results-file column (and summary key) of a judge: {@code judge:<name>}. */
    public static String judgeColumn(String judge) {
        return JUDGE_COLUMN + judge;
    }

    /**
     * Returns an episode's verdicts labelled as reports show them: the oracle's under its own name, each judge's
     * under its column name ({@code judge:<name>}).
     */
    public static Map<String, Verdict> labelled(EpisodeResult r) {
        Map<String, Verdict> out = new java.util.LinkedHashMap<>();
        r.oracle().ifPresent(v -> out.put(v.evaluator(), v));
        r.judges().forEach((name, v) -> out.put(judgeColumn(name), v));
        r.answerCheck().ifPresent(v -> out.put(ANSWER_CHECK, v));
        return out;
    }

    /** Returns the judge a results-file column belongs to, if it is a judge's column. */
    static java.util.Optional<String> judgeOf(String column) {
        return column.startsWith(JUDGE_COLUMN) ? java.util.Optional.of(column.substring(JUDGE_COLUMN.length()))
                : java.util.Optional.empty();
    }

    /** Makes the row of an episode. */
    public static ResultRow of(EpisodeResult r) {
        Map<String, String> judges = new TreeMap<>();
        r.judges().forEach((name, v) -> judges.put(name, outcome(v)));
        String error = "";
        if (r.status() != EpisodeResult.Status.PASSED && r.status() != EpisodeResult.Status.FAILED) {
            error = r.message().isEmpty() && r.error() != null ? r.error().toString() : r.message();
        }
        Usage u = r.usage();
        return new ResultRow(r.task().suite(), r.task().id(), r.seed(), r.agent(), r.status().label(), r.reward(),
                r.steps(), r.durationMillis(), r.nativeScore(), error,
                r.trajectory() == null ? "" : r.trajectory().answer(), u.tokensIn(), u.tokensOut(), u.costUsd(),
                r.oracle().map(ResultRow::outcome).orElse(""), judges,
                r.oracle().flatMap(TaskMetrics::of).orElse(null),
                r.answerCheck().map(ResultRow::outcome).orElse(""));
    }

    /** Returns the task's own figures, if its oracle gave any. */
    public java.util.Optional<TaskMetrics> metrics() {
        return java.util.Optional.ofNullable(figures);
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
                case "oracle" -> oracle;
                case "metrics" -> figures == null ? "" : figures.toJson();
                case "answer_check" -> answerCheck;
                default -> judgeOf(c).map(j -> judges.getOrDefault(j, "")).orElse("");
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
        Map<String, String> judges = new TreeMap<>();
        for (String c : header) {
            judgeOf(c).filter(j -> !v.get(c).isEmpty()).ifPresent(j -> judges.put(j, v.get(c)));
        }
        return new ResultRow(text(v, "suite", true), text(v, "task", true), (long) num(v, "seed", false),
                text(v, "agent", true), status, num(v, "reward", true), (int) num(v, "steps", false),
                (long) num(v, "duration_ms", false), num(v, "score", true), text(v, "error", false),
                text(v, "answer", false), (long) num(v, "tokens_in", true, 0), (long) num(v, "tokens_out", true, 0),
                num(v, "cost_usd", true, 0), v.getOrDefault("oracle", ""), judges,
                TaskMetrics.parse(v.getOrDefault("metrics", "")).orElse(null),
                v.getOrDefault("answer_check", ""));
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
