package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.api.RunSize;
import dev.gauntlet.reports.store.Aggregate;
import dev.gauntlet.reports.store.CorruptRunException;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;
import dev.gauntlet.reports.store.TaskMetrics;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code summary.json} at the end of a run: the {@link Aggregate} figures of each suite × agent, and the
 * judges' agreement with the oracle ({@link JudgeAgreement}) when judges ran. The figures count every episode of the
 * run folder's {@code results.csv} (its last row each), so a resumed run sums up as if it had never stopped; without
 * that file, the results of this invocation. Where the oracle gives tasks their own figures ({@link TaskMetrics}:
 * Mind2Web's element accuracy, operation F1 and step success rate), a group's {@code metrics} holds their micro and
 * macro means and the success rate per group (Mind2Web's split) and over {@code all}.
 */
public final class SummaryJson implements RunListener {

    @Override
    public void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException, CorruptRunException {
        List<ResultRow> rows = Files.isRegularFile(run.folder().results()) ? StoredRun.results(run.folder())
                : results.stream().map(ResultRow::of).toList();
        ObjectNode root = summary(run.id(), rows, results);
        trace(root, run.folder(), rows.size());
        Json.write(run.folder().summary(), root);
    }

    /** Writes the summary of {@code rows} to {@code file}, with the judges' agreement over {@code results}. */
    public static void write(Path file, String runId, List<ResultRow> rows, List<EpisodeResult> results)
            throws IOException {
        Json.write(file, summary(runId, rows, results));
    }

    private static ObjectNode summary(String runId, List<ResultRow> rows, List<EpisodeResult> results) {
        ObjectNode root = render(runId, rows);
        // judge vs oracle agreement per suite and judge: confusion matrix, precision, recall, F1, accuracy, kappa
        List<JudgeAgreement.Row> judges = JudgeAgreement.compute(results);
        if (!judges.isEmpty()) {
            root.set("judges", Json.MAPPER.valueToTree(judges.stream().map(JudgeAgreement.Row::toMap).toList()));
        }
        return root;
    }

    /**
     * Adds what the run's record takes on disk ({@link RunSize}: every file but the HTML report), in all and per
     * episode, with the distinct screenshots apart.
     */
    static void trace(ObjectNode root, RunFolder folder, long episodes) {
        RunSize size = RunSize.of(folder);
        ObjectNode n = root.putObject("trace");
        n.put("bytes", size.bytes());
        n.put("bytes_per_episode", size.perEpisode(episodes));
        n.put("screenshot_files", size.screenshotFiles());
        n.put("screenshot_bytes", size.screenshotBytes());
    }

    /** Returns the summary of rows (grouped by suite and agent, both sorted). */
    static ObjectNode render(String runId, List<ResultRow> rows) {
        Map<String, Map<String, List<ResultRow>>> groups = new TreeMap<>();
        for (ResultRow r : rows) {
            groups.computeIfAbsent(r.suite(), k -> new TreeMap<>()).computeIfAbsent(r.agent(), k -> new ArrayList<>()).add(r);
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run", runId);
        ArrayNode list = root.putArray("groups");
        groups.forEach((suite, byAgent) -> byAgent.forEach((agent, group) -> {
            ObjectNode n = node(Aggregate.of(suite, agent, group));
            Map<String, TaskMetrics.Averages> figures = TaskMetrics.averages(group);
            if (!figures.isEmpty()) {
                n.set("metrics", metrics(figures));
            }
            list.add(n);
        }));
        return root;
    }

    /**
     * The tasks' own figures per group ({@link TaskMetrics}): for each group and {@code all}, the task count, each
     * figure's micro (weighted) and macro mean, and the success rate of those tasks.
     */
    static ObjectNode metrics(Map<String, TaskMetrics.Averages> figures) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        figures.forEach((group, a) -> {
            ObjectNode g = out.putObject(group);
            g.put("tasks", a.tasks());
            a.micro().forEach((k, x) -> Json.put(g, k + "_micro", x));
            a.macro().forEach((k, x) -> Json.put(g, k + "_macro", x));
            Json.put(g, "success_rate", a.successRate());
        });
        return out;
    }

    static ObjectNode node(Aggregate a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("suite", a.suite());
        n.put("agent", a.agent());
        n.put("episodes", a.episodes());
        n.put("tasks", a.tasks());
        n.put("passed", a.passed());
        n.put("failed", a.failed());
        n.put("broken", a.broken());
        Json.put(n, "infra_error_rate", a.infraErrorRate());
        n.put("skipped", a.skipped());
        n.put("unscored", a.unscored());
        n.put("blocked", a.blocked());
        Json.put(n, "success_rate", a.successRate());
        Json.put(n, "success_stderr", a.stderr());
        ArrayNode ci = n.putArray("success_ci95");
        ci.add(a.ci95()[0]).add(a.ci95()[1]);
        Json.put(n, "mean_reward", a.meanReward());
        Json.put(n, "mean_score", a.meanScore());
        Json.put(n, "mean_steps", a.meanSteps());
        Json.put(n, "median_seconds", a.medianSeconds());
        n.put("tokens_in", a.tokensIn());
        n.put("tokens_out", a.tokensOut());
        n.put("cost_usd", a.costUsd());
        if (a.answerCheck().checked() > 0) {
            // the reference-answer check of live tasks: its own figures, never the success rate
            ObjectNode check = n.putObject("answer_check");
            check.put("success", a.answerCheck().success());
            check.put("failure", a.answerCheck().failure());
            check.put("unscored", a.answerCheck().unscored());
            Json.put(check, "rate", a.answerCheck().rate());
        }
        if (!a.judgeAgreement().isEmpty()) {
            ObjectNode judges = n.putObject("judge_agreement");
            new TreeMap<>(a.judgeAgreement()).forEach((judge, agreement) -> {
                ObjectNode j = judges.putObject(dev.gauntlet.reports.store.ResultRow.judgeColumn(judge));
                j.put("agree", agreement.agree());
                j.put("n", agreement.n());
                Json.put(j, "rate", agreement.rate());
            });
        }
        return n;
    }
}
