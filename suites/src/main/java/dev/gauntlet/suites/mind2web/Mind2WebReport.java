package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.api.Verdict;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MindAct's run-level numbers for the Mind2Web episodes of a run, per agent and split: printed as one line each and
 * written to {@code mind2web-metrics.json} in the run folder. Runs without Mind2Web episodes write nothing.
 */
public final class Mind2WebReport implements RunListener {

    static final String FILE = "mind2web-metrics.json";

    @Override
    public void runFinished(RunInfo run, List<EpisodeResult> results) throws Exception {
        Map<String, List<Mind2WebMetrics.Scored>> byAgent = scored(results);
        if (byAgent.isEmpty()) {
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        byAgent.forEach((agent, tasks) -> {
            Map<String, Object> splits = new LinkedHashMap<>();
            Mind2WebMetrics.bySplit(tasks).forEach((split, avg) -> {
                splits.put(split, avg.toMap());
                System.out.println(line(agent, split, avg));
            });
            out.put(agent, splits);
        });
        Files.createDirectories(run.dir());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(run.dir().resolve(FILE).toFile(), out);
    }

    /** Reads each scored Mind2Web episode's per-step numbers back from its verdict's evidence, by agent. */
    static Map<String, List<Mind2WebMetrics.Scored>> scored(List<EpisodeResult> results) {
        Map<String, List<Mind2WebMetrics.Scored>> byAgent = new LinkedHashMap<>();
        for (EpisodeResult r : results) {
            Verdict v = r.oracle().orElse(null);
            if (v == null || !v.evaluator().equals(Mind2WebOracle.NAME) || v.outcome() == Verdict.Outcome.UNSCORED
                    || !(v.evidence().get("steps") instanceof List<?> steps)) {
                continue;
            }
            List<StepScore> scores = new ArrayList<>();
            for (Object o : steps) {
                Map<?, ?> m = (Map<?, ?>) o;
                scores.add(new StepScore(number(m.get("element_accuracy")), number(m.get("operation_f1")),
                        number(m.get("step_success"))));
            }
            byAgent.computeIfAbsent(r.agent(), k -> new ArrayList<>())
                    .add(new Mind2WebMetrics.Scored(String.valueOf(v.evidence().get("split")), scores));
        }
        return byAgent;
    }

    static String line(String agent, String split, Mind2WebMetrics.Averages a) {
        return String.format(Locale.ROOT, "[gauntlet] mind2web %s %s: %d tasks, %d steps | Ele.Acc %.3f (macro %.3f) "
                        + "| Op.F1 %.3f (macro %.3f) | Step SR %.3f (macro %.3f) | SR %.3f", agent, split, a.tasks(),
                a.steps(), a.microElementAccuracy(), a.macroElementAccuracy(), a.microOperationF1(),
                a.macroOperationF1(), a.microStepSuccess(), a.macroStepSuccess(), a.taskSuccess());
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
