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

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code summary.json} at the end of a run: the {@link Aggregate} figures of each suite × agent, and the
 * judges' agreement with the oracle ({@link JudgeAgreement}) when judges ran. The figures count every episode of the
 * run folder's {@code results.csv} (its last row each), so a resumed run sums up as if it had never stopped; without
 * that file, the results of this invocation.
 */
public final class SummaryJson implements RunListener {

    @Override
    public void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException, CorruptRunException {
        List<ResultRow> rows = Files.isRegularFile(run.folder().results()) ? StoredRun.results(run.folder())
                : results.stream().map(ResultRow::of).toList();
        ObjectNode root = render(run.id(), rows);
        // judge vs oracle agreement per suite and judge: confusion matrix, precision, recall, F1, accuracy, kappa
        List<JudgeAgreement.Row> judges = JudgeAgreement.compute(results);
        if (!judges.isEmpty()) {
            root.set("judges", Json.MAPPER.valueToTree(judges.stream().map(JudgeAgreement.Row::toMap).toList()));
        }
        trace(root, run.folder(), rows.size());
        Json.write(run.folder().summary(), root);
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
        groups.forEach((suite, byAgent) -> byAgent.forEach((agent, group) ->
                list.add(node(Aggregate.of(suite, agent, group)))));
        return root;
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
