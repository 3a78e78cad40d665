package dev.gauntlet.reports.rescore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.JudgeSpec;
import dev.gauntlet.api.RecordedConfiguration;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.TaskMetrics;
import dev.gauntlet.reports.store.StoredRun;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Scores a stored run again without its agents. Each episode that has a trajectory is read back; its task's oracle
 * scores it again when the oracle needs no live page (one that does, such as MiniWoB's or program_html's, says so by
 * throwing {@link IllegalStateException}, and the stored outcome is kept, marked {@code kept}); every judge named
 * (default: the run's own) judges it again from the stored screenshots and actions (the model client's cache makes a
 * repeat free). Broken and never-started episodes keep their rows. The results go to {@code rescored/results.csv}
 * and {@code rescored/summary.json} in the run folder; the old files are not touched.
 */
public final class Rescore {

    /** What re-scoring found. */
    public record Outcome(List<ResultRow> rows, List<String> changes, int rescored, int kept) {}

    private final Config config;
    private final List<String> judgeNames;

    /**
     * @param config the configuration to score with (the run's own keys are read from its manifest beneath it)
     * @param judges judges to run; empty = those the run ran
     */
    public Rescore(Config config, List<String> judges) {
        this.config = config;
        this.judgeNames = List.copyOf(judges);
    }

    /** Re-scores the run in {@code dir}, writes {@code dir/rescored/} and prints one line per changed episode. */
    public Outcome run(Path dir, PrintStream out) throws Exception {
        StoredRun run = StoredRun.read(dir);
        Map<String, Judge> loaded = judges(judgeNames.isEmpty() ? runJudges(run, config) : judgeNames, config);
        List<String> judges = new ArrayList<>(loaded.keySet());
        Map<String, Map<String, Task>> tasks = new HashMap<>();
        List<TaskSet> opened = new ArrayList<>();
        List<ResultRow> rows = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<EpisodeResult> results = new ArrayList<>();
        int rescored = 0;
        int kept = 0;
        boolean severalSuites = run.rows().stream().map(ResultRow::suite).distinct().count() > 1;
        boolean severalAgents = run.rows().stream().map(ResultRow::agent).distinct().count() > 1;
        EvaluationContext context = new EvaluationContext(config, Optional.empty(), dir);
        try {
            for (ResultRow row : run.rows()) {
                Path file = run.folder().trajectory(severalSuites ? row.suite() : null, row.task(), row.seed(),
                        severalAgents ? row.agent().split(":", 2)[0] : null);
                if (row.status().equals("broken") || !Files.isRegularFile(file)) {
                    rows.add(row);
                    continue;
                }
                Task task = tasks.computeIfAbsent(row.suite(), s -> open(s, opened)).get(row.task());
                if (task == null) {
                    throw new IllegalArgumentException("task '" + row.task() + "' of suite '" + row.suite()
                            + "' is not among the suite's tasks with this configuration");
                }
                Trajectory t = StoredTrajectory.read(file, task, row.seed(), row.agent());
                Optional<Verdict> oracle = Optional.empty();
                boolean oracleKept = false;
                if (task.oracle() != null) {
                    try {
                        oracle = Optional.of(task.oracle().evaluate(t, context));
                    } catch (IllegalStateException e) {
                        oracleKept = true;
                        kept++;
                    }
                }
                Map<String, Verdict> verdicts = new LinkedHashMap<>();
                for (String j : judges) {
                    Verdict v;
                    try {
                        v = loaded.get(j).evaluate(t, context);
                    } catch (Exception e) {
                        v = Verdict.unscored(j, "judge error: " + e);
                    }
                    verdicts.put(j, v);
                }
                ResultRow next = row(row, task, oracle, oracleKept, verdicts);
                if (!oracleKept) {
                    rescored++;
                }
                rows.add(next);
                results.add(new EpisodeResult(task, row.seed(), row.agent(), status(next.status()),
                        oracleKept ? Optional.empty() : oracle, verdicts, t, "", null, row.durationMs(),
                        new Usage(row.tokensIn(), row.tokensOut(), row.costUsd())));
                String was = row.status() + (row.oracle().isEmpty() ? "" : " (oracle " + row.oracle() + ")");
                String now = next.status() + (next.oracle().isEmpty() ? "" : " (oracle " + next.oracle() + ")");
                if (!was.equals(now) || !row.judges().equals(next.judges())) {
                    changes.add(row.suite() + " " + row.task() + " seed " + row.seed() + " " + row.agent() + ": " + was
                            + row.judges() + " -> " + now + next.judges());
                }
            }
        } finally {
            for (TaskSet s : opened) {
                s.close();
            }
        }
        Path target = Files.createDirectories(dir.resolve("rescored"));
        StoredRun.writeResults(target.resolve("results.csv"), ResultRow.header(judges), rows);
        dev.gauntlet.reports.SummaryJson.write(target.resolve("summary.json"), run.id(), rows, results);
        changes.forEach(c -> out.println("[rescore] changed: " + c));
        out.println("[rescore] " + run.id() + ": " + rows.size() + " episodes, " + rescored + " re-scored, " + kept
                + " kept (the oracle needs the live page), " + changes.size() + " changed; written to " + target);
        return new Outcome(rows, changes, rescored, kept);
    }

    /** The run's judges by name, each with its arguments when the configuration's gauntlet.judge gives some. */
    private static List<String> runJudges(StoredRun run, Config config) {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        run.rows().forEach(r -> seen.addAll(r.judges().keySet()));
        Map<String, String> specs = new HashMap<>();
        for (String spec : JudgeSpec.split(config.get(dev.gauntlet.api.Constants.JUDGE, ""))) {
            specs.put(JudgeSpec.parse(spec).name(), spec);
        }
        return seen.stream().map(n -> specs.getOrDefault(n, n)).toList();
    }

    /** Judge name → the judge of each spec ({@code name:key=value,...}), configured and prepared. */
    private static Map<String, Judge> judges(List<String> specs, Config config) {
        Map<String, Judge> out = new LinkedHashMap<>();
        try {
            for (Judge j : JudgeSpec.load(specs, config, Rescore.class.getClassLoader())) {
                out.put(j.name(), j);
            }
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return out;
    }

    private Map<String, Task> open(String name, List<TaskSet> opened) {
        Suite suite = null;
        for (Suite s : ServiceLoader.load(Suite.class)) {
            if (s.name().equals(name)) {
                suite = s;
            }
        }
        if (suite == null) {
            throw new IllegalArgumentException("suite '" + name + "' is not on the class path");
        }
        List<String> problems = new ArrayList<>();
        try {
            TaskSet set = suite.open(new SuiteContext() {
                @Override
                public Config config() {
                    return config;
                }

                @Override
                public void problem(String where, String message) {
                    problems.add(where + ": " + message);
                }
            });
            opened.add(set);
            Map<String, Task> byId = new HashMap<>();
            set.tasks().forEach(t -> byId.put(t.id(), t));
            return byId;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("suite '" + name + "' cannot open: " + e.getMessage(), e);
        }
    }

    private static ResultRow row(ResultRow old, Task task, Optional<Verdict> oracle, boolean oracleKept,
                                 Map<String, Verdict> verdicts) {
        Map<String, String> judges = new TreeMap<>();
        verdicts.forEach((n, v) -> judges.put(n, v.outcome().name().toLowerCase(Locale.ROOT)));
        if (oracleKept) {
            return new ResultRow(old.suite(), old.task(), old.seed(), old.agent(), old.status(), old.reward(),
                    old.steps(), old.durationMs(), old.score(), old.error(), old.answer(), old.tokensIn(),
                    old.tokensOut(), old.costUsd(), old.oracle(), judges, old.figures(), old.answerCheck());
        }
        Verdict decisive = oracle.orElse(verdicts.isEmpty() ? null : verdicts.values().iterator().next());
        String status = decisive == null ? "skipped" : switch (decisive.outcome()) {
            case SUCCESS -> "passed";
            case FAILURE -> "failed";
            case UNSCORED -> "skipped";
        };
        double scale = task.oracle() == null ? 1.0 : task.oracle().scoreScale();
        double score = decisive == null ? Double.NaN : decisive.score() * scale;
        return new ResultRow(old.suite(), old.task(), old.seed(), old.agent(), status,
                oracle.map(Verdict::reward).orElse(Double.NaN), old.steps(), old.durationMs(), score,
                status.equals("skipped") && decisive != null ? "unscored: " + decisive.explanation() : "",
                old.answer(), old.tokensIn(), old.tokensOut(), old.costUsd(),
                oracle.map(v -> v.outcome().name().toLowerCase(Locale.ROOT)).orElse(""), judges,
                oracle.flatMap(TaskMetrics::of).orElse(null), old.answerCheck());
    }

    private static EpisodeResult.Status status(String label) {
        return EpisodeResult.Status.valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** Returns the run's recorded configuration, without redacted secrets (they come from the environment). */
    public static Map<String, String> manifestConfig(JsonNode manifest) {
        Map<String, String> out = new HashMap<>();
        manifest.path("config").fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().asText().equals(RecordedConfiguration.REDACTED)) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }
}
