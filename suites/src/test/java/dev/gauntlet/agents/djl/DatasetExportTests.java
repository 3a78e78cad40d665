package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code export} command on the built-in MiniWoB tasks in real Chromium, writing and reading real files. */
class DatasetExportTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private List<Dataset.Episode> export(List<String> tasks, List<Long> seeds, List<Path> runs) throws Exception {
        Path out = dir.resolve("data.jsonl");
        new ExportCommand(Config.of(Map.of()), new PrintStream(log, true))
                .run(new ExportCommand.Options(out, "miniwob", tasks, seeds, runs, 10));
        List<Dataset.Episode> read = new ArrayList<>();
        DatasetFile.read(out, read::add);
        return read;
    }

    @Test
    void goldDemonstrationsBecomeOneLinePerEpisodeWithEveryStepsElementsAndTheOraclesVerdict() throws Exception {
        List<Dataset.Episode> episodes = export(List.of("click-button", "login-user"), List.of(0L, 1L, 2L), List.of());
        assertEquals(6, episodes.size());
        for (Dataset.Episode e : episodes) {
            assertEquals(Dataset.SCHEMA, e.schema());
            assertEquals("gold", e.source());
            assertTrue(e.success(), "the gold demonstration succeeds: " + e);
            assertTrue(e.reward() > 0, "the oracle's reward is recorded");
            assertFalse(e.instruction().isEmpty());
            for (Dataset.StepRecord s : e.steps()) {
                // a gold step targets a CSS selector; the record names the element the observation showed
                assertTrue(s.elements().stream().anyMatch(el -> el.id().equals(s.action().target())),
                        "step " + s.index() + " of " + e.task() + " targets an element of its observation");
            }
        }
        Dataset.Episode login = episodes.stream().filter(e -> e.task().equals("login-user")).findFirst().orElseThrow();
        assertEquals(List.of(Operation.FILL, Operation.FILL, Operation.CLICK),
                login.steps().stream().map(s -> s.action().operation()).toList());
        // the typed values are the instruction's quoted username and password
        assertTrue(login.instruction().contains("\"" + login.steps().get(0).action().value() + "\""));
        assertTrue(log.toString().contains("6 episodes (6 successful)"));
    }

    @Test
    void aFinishedRunIsPlayedAgainFromItsRecordedActionsAndKeepsTheRunsVerdict() throws Exception {
        String gid = export(List.of("click-button"), List.of(4L), List.of()).get(0).steps().get(0).action().target();
        Path run = dir.resolve("runs/20261205-100000-miniwob-mine");
        Files.createDirectories(run.resolve("trajectories"));
        // written as the run store writes a trajectory: step lines, the oracle's verdict, the episode line
        Files.writeString(run.resolve("trajectories/click-button__4.jsonl"), String.join("\n",
                "{\"type\":\"step\",\"index\":0,\"action\":\"click('" + gid + "')\"}",
                "{\"type\":\"verdict\",\"evaluator\":\"miniwob-reward\",\"outcome\":\"success\",\"score\":1.0,"
                        + "\"evidence\":{\"reward\":0.93}}",
                "{\"type\":\"episode\",\"suite\":\"miniwob\",\"task\":\"click-button\",\"seed\":4,\"agent\":\"mine\","
                        + "\"status\":\"passed\",\"answer\":\"\"}") + "\n");
        Files.writeString(run.resolve("trajectories/click-link__4.jsonl"), String.join("\n",
                "{\"type\":\"step\",\"index\":0,\"action\":\"noop()\"}",
                "{\"type\":\"verdict\",\"evaluator\":\"miniwob-reward\",\"outcome\":\"failure\",\"score\":-1.0}",
                "{\"type\":\"episode\",\"suite\":\"miniwob\",\"task\":\"click-link\",\"seed\":4,\"agent\":\"mine\","
                        + "\"status\":\"failed\",\"answer\":\"\"}") + "\n");
        Files.writeString(run.resolve("trajectories/click-tab__4.jsonl"),
                "{\"type\":\"episode\",\"suite\":\"miniwob\",\"task\":\"click-tab\",\"seed\":4,\"agent\":\"mine\","
                        + "\"status\":\"broken\"}\n");

        List<Dataset.Episode> episodes = export(List.of(), List.of(), List.of(run));

        assertEquals(2, episodes.size(), "the broken episode is left out");
        Dataset.Episode passed = episodes.get(0);
        assertEquals("run:20261205-100000-miniwob-mine", passed.source());
        assertEquals("mine", passed.agent());
        assertEquals("success", passed.outcome());
        assertEquals(0.93, passed.reward(), 1e-9);
        assertEquals(gid, passed.steps().get(0).action().target());
        assertFalse(passed.steps().get(0).elements().isEmpty(), "the observation is rebuilt by playing the seed again");
        assertEquals("failure", episodes.get(1).outcome());
        assertEquals(Operation.OTHER, episodes.get(1).steps().get(0).action().operation());
        assertTrue(log.toString().contains("1 run episodes skipped"));
    }

    @Test
    void mind2WebStepsBecomeRecordsWhoseCandidatesAreTheElementsAndWhoseTargetIsThePositive() throws Exception {
        // the built-in sample's cross-task split; MindAct's formulation: rank the candidates, the positive is gold
        Path out = dir.resolve("m2w.jsonl");
        new ExportCommand(Config.of(Map.of()), new PrintStream(log, true)).run(new ExportCommand.Options(out,
                "mind2web", List.of(), List.of(0L), List.of(), 10, List.of("split:test_task")));
        List<Dataset.Episode> episodes = new ArrayList<>();
        DatasetFile.read(out, episodes::add);
        assertEquals(14, episodes.size(), "the sample's test_task split has 14 tasks");
        for (Dataset.Episode e : episodes) {
            assertEquals("mind2web", e.suite());
            assertTrue(e.success(), "the gold actions score 1 on every step: " + e.task());
            for (Dataset.StepRecord s : e.steps()) {
                assertTrue(s.elements().stream().anyMatch(el -> el.id().equals(s.action().target())),
                        "step " + s.index() + " of " + e.task() + " targets one of its candidates");
            }
        }
        Dataset.Episode lookUp = episodes.stream().filter(e -> e.instruction().startsWith("Look up 'ephemeral'"))
                .findFirst().orElseThrow();
        Dataset.ActionRecord type = lookUp.steps().get(0).action();
        assertEquals(Operation.FILL, type.operation(), "TYPE is a fill");
        assertEquals("ephemeral", type.value());
        assertEquals(Operation.CLICK, lookUp.steps().get(1).action().operation(), "ENTER is a CLICK in Mind2Web");
        assertTrue(log.toString().contains("14 episodes (14 successful), 32 steps"), log.toString());
    }

    @Test
    void webShopsGoldSearchAndClicksBecomeElementStepsOnTheShopsPages() throws Exception {
        // two goals of the built-in shop's train split (goals 1500 and up, as upstream splits them)
        Path out = dir.resolve("webshop.jsonl");
        new ExportCommand(Config.of(Map.of("webshop.split", "train")), new PrintStream(log, true)).run(
                new ExportCommand.Options(out, "webshop", List.of("goal-01500", "goal-01501"), List.of(0L), List.of(),
                        15));
        List<Dataset.Episode> episodes = new ArrayList<>();
        DatasetFile.read(out, episodes::add);
        assertEquals(2, episodes.size());
        for (Dataset.Episode e : episodes) {
            assertTrue(e.success(), "the gold purchase earns reward 1: " + e.reward());
            List<Dataset.StepRecord> s = e.steps();
            assertEquals(Operation.FILL, s.get(0).action().operation(), "search[...] types the query first");
            assertEquals("textbox", role(s.get(0)));
            assertEquals("button", role(s.get(1)), "then clicks Search");
            assertEquals("link", role(s.get(2)), "the result is opened by its link, not the heading repeating it");
            assertEquals("Buy Now", text(s.get(s.size() - 1)));
            for (Dataset.StepRecord step : s) {
                assertFalse(step.action().target().isEmpty(), "every gold step names an element: " + step.action());
            }
        }
    }

    private static String role(Dataset.StepRecord s) {
        return s.elements().stream().filter(e -> e.id().equals(s.action().target())).findFirst().orElseThrow().role();
    }

    private static String text(Dataset.StepRecord s) {
        return s.elements().stream().filter(e -> e.id().equals(s.action().target())).findFirst().orElseThrow().text();
    }

    @Test
    void aLineOfAnotherSchemaIsRefusedNamingFileAndLine() throws Exception {
        Path file = dir.resolve("old.jsonl");
        Files.writeString(file, "{\"schema\":\"gauntlet-dataset/0\",\"suite\":\"miniwob\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetFile.read(file, x -> {}));
        assertEquals("dataset " + file + " line 1 field 'schema' is 'gauntlet-dataset/0' but must be '"
                + Dataset.SCHEMA + "'", e.getMessage());
    }

    @Test
    void anUnknownSuiteIsOneLineListingTheSuites() {
        ExportCommand c = new ExportCommand(Config.of(Map.of()), new PrintStream(log, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.run(
                new ExportCommand.Options(dir.resolve("x.jsonl"), "nope", List.of(), List.of(0L), List.of(), 10)));
        assertTrue(e.getMessage().startsWith("option --suite is 'nope' but must be one of ["), e.getMessage());
        assertTrue(e.getMessage().contains("miniwob"));
    }
}
