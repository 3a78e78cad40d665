package dev.gauntlet.agents.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.reports.rescore.Rescore;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code learned-orm} judge through the engine on built-in MiniWoB (issue 14: "-Djudge=learned-orm:model=PATH
 * ... its agreement with the oracle is reported like every judge's"): trained for real from exported gold
 * demonstrations and their wrong-button copies, selected with the judge argument syntax, and refused before any
 * episode when its folder is missing.
 */
class LearnedOrmRunTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    static Path dir;
    static Path orm;

    @BeforeAll
    static void trainFromExportedGoldDemonstrations() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        Path gold = dir.resolve("gold.jsonl");
        new ExportCommand(Config.of(Map.of()), quiet).run(new ExportCommand.Options(gold, "miniwob",
                List.of("click-button"), List.of(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L), List.of(), 10));
        List<Dataset.Episode> episodes = new ArrayList<>();
        DatasetFile.read(gold, episodes::add);
        Path scored = dir.resolve("scored.jsonl");
        try (DatasetFile.Writer w = new DatasetFile.Writer(scored)) {
            for (Dataset.Episode e : episodes) {
                w.accept(e);
                w.accept(wrongButton(e));
            }
        }
        orm = dir.resolve("orm");
        new TrainOrmCommand(quiet).run(new TrainOrmCommand.Options(scored, orm, 200, 16, 0.02, 1024, 16, 0,
                new TrainingData.Split(Set.of(), Set.of()), "cpu"));
    }

    /** The episode with its click moved to another button: a failure as the oracle would call it. */
    private static Dataset.Episode wrongButton(Dataset.Episode e) {
        Dataset.StepRecord s = e.steps().get(0);
        String other = s.elements().stream().filter(el -> el.role().equals("button"))
                .map(Dataset.ElementRecord::id).filter(id -> !id.equals(s.action().target())).findFirst().orElseThrow();
        Dataset.StepRecord step = new Dataset.StepRecord(0, s.url(), s.elements(),
                new Dataset.ActionRecord(Operation.CLICK, other, "", ""), "");
        return new Dataset.Episode(e.schema(), e.suite(), e.task(), e.seed(), "run:fabricated", "random",
                e.instruction(), List.of(step), "failure", -1, "", "");
    }

    @Test
    void theJudgesAgreementWithTheOracleIsInTheSummaryAsForEveryJudge() throws Exception {
        Path runs = dir.resolve("runs");
        GauntletRun.of(Benchmark.class).suite("miniwob").agent("heuristic;random").tasks("click-button")
                .seeds("0..2").screenshots("none").runsDir(runs).set("gauntlet.report.html", "false")
                .set("gauntlet.maxSteps", "3").set("gauntlet.device", "cpu")
                .set("gauntlet.judge", "learned-orm:model=" + orm).testEvents();
        Path run = onlyRun(runs);
        JsonNode row = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).path("judges").get(0);
        assertEquals("learned-orm", row.path("judge").asText(), row.toString());
        // every episode judged, and the confusion matrix is the results file's oracle and judge columns
        List<ResultRow> rows = StoredRun.read(run).rows();
        assertEquals(6, rows.size());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (ResultRow r : rows) {
            boolean oracle = r.oracle().equals("success");
            String judged = r.judges().get("learned-orm");
            assertTrue(judged.equals("success") || judged.equals("failure"), "judged: " + r);
            boolean judge = judged.equals("success");
            tp += oracle && judge ? 1 : 0;
            fp += !oracle && judge ? 1 : 0;
            fn += oracle && !judge ? 1 : 0;
            tn += !oracle && !judge ? 1 : 0;
        }
        assertEquals(List.of(6, 0, tp, fp, fn, tn), List.of(row.path("n").asInt(), row.path("unscored").asInt(),
                row.path("tp").asInt(), row.path("fp").asInt(), row.path("fn").asInt(), row.path("tn").asInt()),
                row.toString());
        assertEquals((tp + tn) / 6.0, row.path("accuracy").asDouble(), 1e-6);

        // rescoring the run judges again with the judge's recorded argument (without it: 6 unscored verdicts)
        Map<String, String> recorded = Rescore.manifestConfig(StoredRun.read(run).manifest());
        new Rescore(Config.from(k -> Optional.ofNullable(recorded.get(k))), List.of())
                .run(run, new PrintStream(new ByteArrayOutputStream(), true));
        // (MiniWoB's oracle needs the live page, so the rescored rows keep its outcome and no agreement is computed)
        List<String[]> lines;
        try (com.opencsv.CSVReader csv = new com.opencsv.CSVReader(Files.newBufferedReader(
                run.resolve("rescored/results.csv")))) {
            lines = csv.readAll();
        }
        int column = List.of(lines.get(0)).indexOf("judge:learned-orm");
        assertTrue(column >= 0, List.of(lines.get(0)).toString());
        assertEquals(7, lines.size());
        for (String[] line : lines.subList(1, lines.size())) {
            assertTrue(line[column].equals("success") || line[column].equals("failure"), String.join(",", line));
        }
    }

    @Test
    void aMissingModelFolderStopsTheRunBeforeAnyEpisode() {
        Path missing = dir.resolve("no-such-orm");
        Optional<Throwable> failure = GauntletRun.of(Benchmark.class).suite("miniwob").agent("random")
                .tasks("click-button").seeds("1").runsDir(dir.resolve("runs-missing"))
                .set("gauntlet.judge", "learned-orm:model=" + missing).execute().allEvents().finished().list().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().equals("[engine:gauntlet]"))
                .findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
        assertEquals("judge 'learned-orm': model folder " + missing + " does not exist",
                failure.orElseThrow().getMessage());
        assertTrue(!Files.exists(dir.resolve("runs-missing")) || list(dir.resolve("runs-missing")).isEmpty(),
                "no run folder, no episode");
    }

    private static List<Path> list(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isDirectory).filter(p -> !Files.isSymbolicLink(p)).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path onlyRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(p -> !Files.isSymbolicLink(p))
                    .filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
