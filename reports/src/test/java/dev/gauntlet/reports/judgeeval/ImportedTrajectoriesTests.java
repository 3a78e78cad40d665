package dev.gauntlet.reports.judgeeval;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.reports.JudgeAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * judge-eval over trajectories imported from Online-Mind2Web's result folders (src/run.py's reading) and
 * AgentRewardBench's cleaned trajectory JSON (scripts/run_judge.py's reading), fixtures written here in each format,
 * judged by {@link ShotCheckJudge} and set against the labels of each benchmark's format.
 */
class ImportedTrajectoriesTests {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(ImportedTrajectoriesTests.class.getResource(name).toURI());
    }

    private List<JudgeEval.Line> judgeEval(String labels, ImportFormat format, Path source, ByteArrayOutputStream printed)
            throws Exception {
        return JudgeEval.runImported(fixture(labels), format, source, List.of("shot-check"), Config.of(Map.of()),
                Map.of(), dir, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static JudgeAgreement.Row find(List<JudgeEval.Line> lines, String reference, String judge, String as) {
        return lines.stream().filter(l -> l.reference().equals(reference) && l.judge().equals(judge)
                && l.unreadableAs().equals(as)).findFirst().orElseThrow().counts();
    }

    private static List<Integer> counts(JudgeAgreement.Row r) {
        return List.of(r.tp(), r.fp(), r.fn(), r.tn(), r.unscored());
    }

    private static List<String> names(Trajectory t) {
        List<String> out = new java.util.ArrayList<>(t.steps().stream().map(Step::screenshot)
                .map(s -> s.isEmpty() ? "" : Path.of(s).getFileName().toString()).toList());
        out.add(t.finalScreenshot().isEmpty() ? "" : Path.of(t.finalScreenshot()).getFileName().toString());
        return out;
    }

    @Test
    void onlineMind2WebResultFoldersAgainstHumanLabels() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<JudgeEval.Line> lines = judgeEval("human_label.json", ImportFormat.ONLINE_MIND2WEB,
                fixture("om2w/AgentA"), printed);
        // AgentA (the folder's name, as the labels name the agent): t-001 answered (human 1), t-002 no answer
        // (human 0), t-003 not executable (human 2, left out), t-004 no answer (human 1)
        assertEquals(List.of(1, 0, 1, 1, 0), counts(find(lines, "humans", "shot-check", "failure")));
        assertEquals(0, find(lines, "oracle", "shot-check", "failure").n(), "live tasks have no oracle");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("imported 4 online-mind2web trajectories"));
        assertTrue(Files.readString(dir.resolve("results.csv")).contains("judge:shot-check"));
        assertTrue(Files.isRegularFile(dir.resolve("judge-eval.csv")));
    }

    @Test
    void versionOneScreenshotsAreEveryFileOrderedByItsFirstNumber() throws Exception {
        judgeEval("human_label.json", ImportFormat.ONLINE_MIND2WEB, fixture("om2w/AgentA"), new ByteArrayOutputStream());
        Trajectory t = ShotCheckJudge.SEEN.get("t-001");
        // run.py: sorted(os.listdir(trajectory), key=first number) — 10 after 2, not after 1
        assertEquals(List.of("1_full_screenshot.png", "2_full_screenshot.png", "10_full_screenshot.png", ""), names(t));
        assertEquals(List.of("Click the search box", "Type \"red umbrella\"", "Press ENTER"),
                t.steps().stream().map(s -> s.action().toString()).toList());
        assertEquals(List.of("Open search.", "Type the query.", "Submit."),
                t.steps().stream().map(Step::reasoning).toList());
        assertEquals("The red umbrella costs $15.", t.answer());
        assertEquals("Find a red umbrella under $20.", t.instruction());
    }

    @Test
    void versionTwoDropsTheFinalStepsActionAndKeepsItsScreenshot() throws Exception {
        judgeEval("human_label.json", ImportFormat.ONLINE_MIND2WEB, fixture("om2w/AgentA"), new ByteArrayOutputStream());
        Trajectory t = ShotCheckJudge.SEEN.get("t-002");
        // run.py (schema online-mind2web-v2): action_history = actions of steps[:-1]; screenshots of every step
        assertEquals(List.of("Navigate to the museum page", "Click 'Visit'"),
                t.steps().stream().map(s -> s.action().toString()).toList());
        assertEquals(List.of("step_0.png", "step_1.png", "step_2.png"), names(t));
        assertEquals("", t.answer(), "agent_final_answer null");
    }

    @Test
    void agentRewardBenchTrajectoriesAgainstAnnotationsAndTheirOwnReward() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<JudgeEval.Line> lines = judgeEval("annotations.csv", ImportFormat.AGENT_REWARD_BENCH,
                fixture("arb/trajectories/cleaned"), printed);
        // humans: 1 S, 2 S, 3 U, 6 S (4 is not valid: skipped as run_judge.py does; 5 unsure)
        // judge: 1 answered, 2 no answer, 3 answered, 6 no screenshot (unreadable)
        assertEquals(List.of(1, 1, 2, 0, 1), counts(find(lines, "humans", "shot-check", "failure")));
        assertEquals(List.of(2, 1, 1, 0, 1), counts(find(lines, "humans", "shot-check", "success")));
        // the benchmark's own outcome, summary_info.cum_reward > 0.5 as score_judgments.py reads it: 1 and 6 succeed
        assertEquals(List.of(2, 0, 1, 1, 0), counts(find(lines, "humans", "oracle", "-")));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("imported 4 agentrewardbench trajectories"));
    }

    @Test
    void agentRewardBenchStepsAreKeptAsTheJudgeScriptShowsThem() throws Exception {
        judgeEval("annotations.csv", ImportFormat.AGENT_REWARD_BENCH,
                fixture("arb/trajectories/cleaned/webarena/GenericAgent-demo/GenericAgent-demo_on_webarena/webarena.1.json"),
                new ByteArrayOutputStream());
        Trajectory t = ShotCheckJudge.SEEN.get("webarena.1");
        assertEquals("webarena", t.task().suite());
        assertEquals("GenericAgent-demo", t.agent());
        // the final observation's action is null: format_steps prints it as Python does
        assertEquals(List.of("click('227')", "send_msg_to_user(\"Quest Lumaflex Band\")", "None"),
                t.steps().stream().map(s -> s.action().toString()).toList());
        assertEquals("Quest Lumaflex Band", t.answer());
        assertEquals("RootWebArea 'Bestsellers' final", t.steps().get(2).observationText(), "the last step's axtree");
        assertEquals(List.of("screenshot_step_0.png", "screenshot_step_1.png", "screenshot_step_2.png", ""), names(t));
        assertTrue(Path.of(t.steps().get(0).screenshot()).isAbsolute(), "found from the folder above trajectories/");
        assertEquals("http://shop.local/admin/reports", t.finalUrl());
    }

    @Test
    void badInputIsOneLineNamingFileAndField() throws Exception {
        Path om2w = Files.createDirectories(dir.resolve("runs/A/t-9/trajectory"));
        Files.writeString(om2w.getParent().resolve("result.json"), "{\"action_history\": []}");
        var e = assertThrows(IllegalArgumentException.class, () -> OnlineMind2WebImport.read(dir.resolve("runs/A")));
        assertTrue(e.getMessage().endsWith("t-9/result.json: field 'task' is missing"), e.getMessage());
        Files.writeString(om2w.getParent().resolve("result.json"), "{\"task\": \"x\", \"action_history\": \"click\"}");
        e = assertThrows(IllegalArgumentException.class, () -> OnlineMind2WebImport.read(dir.resolve("runs/A")));
        assertTrue(e.getMessage().endsWith("result.json: field 'action_history' is 'click', not a list"),
                e.getMessage());
        Files.writeString(om2w.getParent().resolve("result.json"), "{\"task\": \"x\"}");
        Files.writeString(om2w.resolve("final.png"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> OnlineMind2WebImport.read(dir.resolve("runs/A")));
        assertTrue(e.getMessage().endsWith("final.png: a screenshot name must hold its step number"), e.getMessage());

        Path arb = dir.resolve("webarena.7.json");
        Files.writeString(arb, "{\"goal\": \"g\", \"agent\": \"a\", \"steps\": [{\"action\": null, "
                + "\"screenshot_path\": \"trajectories/screenshots/nowhere.png\"}]}");
        e = assertThrows(IllegalArgumentException.class, () -> AgentRewardBenchImport.read(arb));
        assertTrue(e.getMessage().startsWith(arb + ": steps[0] field 'screenshot_path' names "
                + "trajectories/screenshots/nowhere.png, which is missing"), e.getMessage());
        Files.writeString(arb, "{\"goal\": 3, \"agent\": \"a\", \"steps\": []}");
        e = assertThrows(IllegalArgumentException.class, () -> AgentRewardBenchImport.read(arb));
        assertEquals(arb + ": field 'goal' is a number 3, not a string", e.getMessage());
        Files.writeString(arb, "{\"goal\": \"g\", \"agent\": \"a\", \"steps\": [], \"summary_info\": "
                + "{\"cum_reward\": \"1\"}}");
        e = assertThrows(IllegalArgumentException.class, () -> AgentRewardBenchImport.read(arb));
        assertEquals(arb + ": field 'summary_info.cum_reward' is '1', not a number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ImportFormat.of("webarena"));
        assertEquals("--import format 'webarena' is not one of [online-mind2web, agentrewardbench]", e.getMessage());
    }
}
