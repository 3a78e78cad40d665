package dev.gauntlet.reports.judgeeval;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.JudgeSpec;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.reports.store.ResultRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Runs judges over imported trajectories and keeps each episode as a results row (no oracle re-run, no browser). */
final class ImportedJudging {

    private ImportedJudging() {}

    static List<ResultRow> judge(List<ImportedEpisode> episodes, List<String> names, Config config, Path root) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--import needs --judge NAME,... (known: "
                    + JudgeSpec.available(ImportedJudging.class.getClassLoader()) + ")");
        }
        Map<String, Judge> loaded = new LinkedHashMap<>();
        try {
            for (Judge j : JudgeSpec.load(names, config, ImportedJudging.class.getClassLoader())) {
                loaded.put(j.name(), j);
            }
        } catch (ConfigException e) {
            throw new IllegalArgumentException("--judge: " + e.getMessage(), e);
        }
        EvaluationContext context = new EvaluationContext(config, Optional.empty(), root);
        List<ResultRow> rows = new ArrayList<>();
        for (ImportedEpisode e : episodes) {
            Trajectory t = e.trajectory();
            Map<String, String> verdicts = new TreeMap<>();
            for (String n : loaded.keySet()) {
                Verdict v;
                try {
                    v = loaded.get(n).evaluate(t, context);
                } catch (Exception ex) {
                    v = Verdict.unscored(n, "judge error: " + ex);
                }
                verdicts.put(n, v.outcome().name().toLowerCase(Locale.ROOT));
            }
            String status = switch (e.oracle()) {
                case "success" -> "passed";
                case "failure" -> "failed";
                default -> "skipped";
            };
            rows.add(new ResultRow(t.task().suite(), t.task().id(), t.seed(), t.agent(), status,
                    e.oracle().equals("success") ? 1.0 : e.oracle().isEmpty() ? Double.NaN : 0.0, t.steps().size(), 0,
                    Double.NaN, e.oracle().isEmpty() ? "imported: no oracle outcome" : "", t.answer(), 0, 0, 0,
                    e.oracle(), verdicts, null, ""));
        }
        return rows;
    }

}
