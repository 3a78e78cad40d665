package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JudgeAgreementTests {

    private static final Verdict.Outcome S = Verdict.Outcome.SUCCESS;
    private static final Verdict.Outcome F = Verdict.Outcome.FAILURE;
    private static final Verdict.Outcome U = Verdict.Outcome.UNSCORED;

    private static EpisodeResult episode(String suite, Verdict.Outcome oracle, Verdict.Outcome... judges) {
        Task task = new Task(suite, "t", "", List.of(), Set.of(), null, Set.of(), 0, Map.of());
        java.util.Optional<Verdict> verdict = oracle == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Verdict("oracle", oracle, 0, "", Map.of(), null));
        Map<String, Verdict> verdicts = new java.util.LinkedHashMap<>();
        String[] names = {"a", "b"};
        for (int i = 0; i < judges.length; i++) {
            verdicts.put(names[i], new Verdict(names[i], judges[i], 0, "", Map.of(), null));
        }
        return new EpisodeResult(task, 0, "agent", oracle == S ? EpisodeResult.Status.PASSED
                : EpisodeResult.Status.FAILED, verdict, verdicts, null, "", null, 0, null);
    }

    private static List<EpisodeResult> repeat(int times, EpisodeResult r) {
        return java.util.Collections.nCopies(times, r);
    }

    @Test
    void matchesAHandComputedConfusionMatrix() {
        // TP 3, FP 1, FN 2, TN 4: P = 3/4, R = 3/5, F1 = 6/9, acc = 7/10,
        // p_o = 0.7, p_e = (4·5 + 6·5)/100 = 0.5, κ = (0.7 − 0.5)/(1 − 0.5) = 0.4
        List<EpisodeResult> results = new ArrayList<>();
        results.addAll(repeat(3, episode("miniwob", S, S)));
        results.addAll(repeat(1, episode("miniwob", F, S)));
        results.addAll(repeat(2, episode("miniwob", S, F)));
        results.addAll(repeat(4, episode("miniwob", F, F)));
        results.add(episode("miniwob", F, U));
        results.add(episode("miniwob", U, S)); // oracle could not score: left out
        results.add(episode("miniwob", S)); // no judge

        List<JudgeAgreement.Row> rows = JudgeAgreement.compute(results);
        assertEquals(1, rows.size());
        JudgeAgreement.Row r = rows.get(0);
        assertEquals(new JudgeAgreement.Row("miniwob", "a", 3, 1, 2, 4, 1), r);
        assertEquals(10, r.n());
        assertEquals(0.75, r.precision(), 1e-12);
        assertEquals(0.6, r.recall(), 1e-12);
        assertEquals(2.0 / 3, r.f1(), 1e-12);
        assertEquals(0.7, r.accuracy(), 1e-12);
        assertEquals(0.4, r.kappa(), 1e-12);
    }

    @Test
    void aResumedRunsAgreementCountsEveryEpisodeOfItsResultsFileNotOnlyTheLatestInvocation(@TempDir Path dir)
            throws Exception {
        // first invocation: TP 3, FN 2; the resumed one: FP 1, TN 4 (the last row of each episode counts)
        RunInfo info = Fixtures.run(dir, Config.of(Map.of("gauntlet.judge", "a")), "agent");
        ResultsCsv csv = new ResultsCsv();
        csv.runStarted(info);
        List<EpisodeResult> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(withSeed(episode("miniwob", S, i < 3 ? S : F), i));
        }
        List<EpisodeResult> resumed = new ArrayList<>();
        for (int i = 5; i < 10; i++) {
            resumed.add(withSeed(episode("miniwob", F, i < 6 ? S : F), i));
        }
        for (EpisodeResult r : first) {
            csv.episodeFinished(info, r);
        }
        csv.runFinished(info, first);
        csv.runStarted(info); // resumed: the file is appended to
        for (EpisodeResult r : resumed) {
            csv.episodeFinished(info, r);
        }
        csv.runFinished(info, resumed);
        new JudgeAgreementReport().runFinished(info, resumed);
        JsonNode row = new ObjectMapper().readTree(info.folder().judgesJson().toFile()).path("judges").get(0);
        assertEquals(10, row.path("n").asInt(), row.toString());
        assertEquals(List.of(3, 1, 2, 4), List.of(row.path("tp").asInt(), row.path("fp").asInt(),
                row.path("fn").asInt(), row.path("tn").asInt()));
        List<EpisodeResult> all = new ArrayList<>(first);
        all.addAll(resumed);
        assertEquals(JudgeAgreement.compute(all), JudgeAgreement.fromRows(dev.gauntlet.reports.store.StoredRun
                .results(info.folder())), "the results file and the episodes agree");
    }

    private static EpisodeResult withSeed(EpisodeResult r, long seed) {
        return new EpisodeResult(r.task(), seed, r.agent(), r.status(), r.oracle(), r.judges(), r.trajectory(),
                r.message(), r.error(), r.durationMillis(), r.usage());
    }

    @Test
    void aJudgeThatAlwaysSaysSuccessHasTheOracleRateAsPrecisionAndFullRecall() {
        // TP 3, FP 2: P = 0.6 = oracle success rate, R = 1, p_o = 0.6, p_e = (5·3 + 0·2)/25 = 0.6, κ = 0
        List<EpisodeResult> results = new ArrayList<>();
        results.addAll(repeat(3, episode("miniwob", S, S)));
        results.addAll(repeat(2, episode("miniwob", F, S)));
        JudgeAgreement.Row r = JudgeAgreement.compute(results).get(0);
        assertEquals(0.6, r.precision(), 1e-12);
        assertEquals(r.oracleSuccessRate(), r.precision(), 1e-12);
        assertEquals(1.0, r.recall(), 1e-12);
        assertEquals(0.0, r.kappa(), 1e-12);
    }

    @Test
    void agreementReachesSummaryJsonAndTheAllureOverview(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runs)
            throws Exception {
        List<EpisodeResult> results = new ArrayList<>();
        results.addAll(repeat(3, episode("miniwob", S, S)));
        results.addAll(repeat(2, episode("miniwob", F, S)));
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(runs.resolve("20260101-000000-miniwob-x"));
        dev.gauntlet.api.RunInfo run = Fixtures.run(dir, dev.gauntlet.api.Config.of(Map.of()), "x");
        new SummaryJson().runFinished(run, results);
        com.fasterxml.jackson.databind.JsonNode judge = Json.MAPPER.readTree(dir.resolve("summary.json").toFile())
                .path("judges").path(0);
        assertEquals("a", judge.path("judge").asText());
        assertEquals(0.6, judge.path("precision").asDouble(), 1e-6);
        assertEquals(1.0, judge.path("recall").asDouble(), 1e-6);
        AllureResults allure = new AllureResults();
        allure.runStarted(run);
        allure.runFinished(run, results);
        String env = java.nio.file.Files.readString(dir.resolve("allure-results/environment.properties"));
        assertTrue(env.contains("judge.a.miniwob = 5 episodes, precision 0.600, recall 1.000"), env);
    }

    @Test
    void kappaIsOneForPerfectAgreementAndUndefinedWhenChanceExplainsAll() {
        List<EpisodeResult> perfect = new ArrayList<>();
        perfect.addAll(repeat(2, episode("m", S, S)));
        perfect.addAll(repeat(2, episode("m", F, F)));
        assertEquals(1.0, JudgeAgreement.compute(perfect).get(0).kappa(), 1e-12);

        JudgeAgreement.Row constant = JudgeAgreement.compute(repeat(4, episode("m", S, S))).get(0);
        assertTrue(Double.isNaN(constant.kappa()));
        assertEquals(1.0, constant.precision());
        assertTrue(Double.isNaN(new JudgeAgreement.Row("m", "a", 0, 0, 0, 5, 0).precision()), "no predicted positives");
    }

    @Test
    void separatesSuitesAndJudgesAndPoolsSuites() {
        // judge a: miniwob TP 1, TN 1; webshop TP 1, FN 1. judge b: miniwob TP 1, FP 1; webshop FN 2
        List<EpisodeResult> results = List.of(
                episode("webshop", S, S, F), episode("webshop", S, F, F),
                episode("miniwob", S, S, S), episode("miniwob", F, F, S));
        List<JudgeAgreement.Row> rows = JudgeAgreement.compute(results);
        assertEquals(List.of(
                new JudgeAgreement.Row("miniwob", "a", 1, 0, 0, 1, 0),
                new JudgeAgreement.Row("miniwob", "b", 1, 1, 0, 0, 0),
                new JudgeAgreement.Row("webshop", "a", 1, 0, 1, 0, 0),
                new JudgeAgreement.Row("webshop", "b", 0, 0, 2, 0, 0),
                new JudgeAgreement.Row("all", "a", 2, 0, 1, 1, 0),
                new JudgeAgreement.Row("all", "b", 1, 1, 2, 0, 0)), rows);
    }

    @Test
    void writesJudgesCsvAndJson(@TempDir Path dir) throws Exception {
        List<EpisodeResult> results = new ArrayList<>();
        results.addAll(repeat(3, episode("miniwob", S, S)));
        results.addAll(repeat(2, episode("miniwob", F, S)));
        RunInfo run = new RunInfo("r", dir, Config.of(Map.of()), Map.of(), List.of("agent"), List.of(0L), 5, 1,
                Instant.now());
        new JudgeAgreementReport().runFinished(run, results);

        List<String> csv = Files.readAllLines(dir.resolve("judges.csv"));
        assertEquals(String.join(",", JudgeAgreementReport.COLUMNS), csv.get(0));
        assertEquals("miniwob,a,5,3,2,0,0,0,0.6,1.0,0.75,0.6,0.0,0.6,1.0", csv.get(1));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("judges.json").toFile());
        assertEquals(0.6, json.path("judges").path(0).path("precision").asDouble());
        assertEquals(1.0, json.path("judges").path(0).path("recall").asDouble());
        assertTrue(JudgeAgreementReport.line(JudgeAgreement.compute(results).get(0)).contains("precision 0.600"));
    }
}
