package dev.gauntlet.reports.judgeeval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * judge-eval over labels in each published format (fixtures written here, in the format only) and a stored run
 * written here: counts, metrics, unreadable verdicts both ways, the oracle against the humans.
 */
class JudgeEvalTests {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(JudgeEvalTests.class.getResource(name).toURI());
    }

    private Path run(String name, String... rows) throws Exception {
        Path run = Files.createDirectories(dir.resolve(name));
        Files.writeString(run.resolve("manifest.json"), "{\"format_version\": 1, \"status\": \"finished\"}");
        Files.writeString(run.resolve("results.csv"), "suite,task,seed,agent,status,success,reward,steps,duration_ms,"
                + "score,error,answer,tokens_in,tokens_out,cost_usd,oracle,judge:webvoyager\n" + String.join("\n", rows)
                + "\n");
        return run;
    }

    private static String row(String suite, String task, String agent, String oracle, String judge) {
        String status = oracle.equals("success") ? "passed" : oracle.equals("failure") ? "failed" : "skipped";
        return String.join(",", suite, task, "0", agent, status, "" + oracle.equals("success"), "1.0", "3", "100",
                "1.0", "", "x", "0", "0", "0", oracle, judge);
    }

    private static JudgeAgreement.Row find(List<JudgeEval.Line> lines, String reference, String judge, String as) {
        return lines.stream().filter(l -> l.reference().equals(reference) && l.judge().equals(judge)
                && l.unreadableAs().equals(as)).findFirst().orElseThrow().counts();
    }

    @Test
    void agentRewardBenchAnnotationsAgainstAStoredRun() throws Exception {
        // humans: 1 S (first annotation wins over ann-2's), 2 S, 3 U, 4 U, 5 unsure (left out), 6 S
        Path run = run("wa", row("webarena", "1", "demo", "success", "success"),
                row("webarena", "2", "demo", "failure", "unscored"),
                row("webarena", "3", "demo", "failure", "success"),
                row("webarena", "4", "demo", "failure", "failure"),
                row("webarena", "5", "demo", "success", "success"),
                row("webarena", "6", "demo", "success", "unscored"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<JudgeEval.Line> lines = JudgeEval.run(fixture("annotations.csv"), run, Map.of(), dir.resolve("out"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        // webvoyager, unreadable as failure: 1 TP, 2 FN, 3 FP, 4 TN, 6 FN
        JudgeAgreement.Row asFailure = find(lines, "humans", "webvoyager", "failure");
        assertEquals(List.of(1, 1, 2, 1, 2), List.of(asFailure.tp(), asFailure.fp(), asFailure.fn(), asFailure.tn(),
                asFailure.unscored()));
        assertEquals(0.5, asFailure.precision(), 1e-9);
        assertEquals(1.0 / 3, asFailure.recall(), 1e-9);
        assertEquals(0.4, asFailure.accuracy(), 1e-9);
        // unreadable as success: 2 and 6 become TP
        JudgeAgreement.Row asSuccess = find(lines, "humans", "webvoyager", "success");
        assertEquals(List.of(3, 1, 0, 1), List.of(asSuccess.tp(), asSuccess.fp(), asSuccess.fn(), asSuccess.tn()));
        assertEquals(0.75, asSuccess.precision(), 1e-9);
        // kappa: po = 4/5, pe = (4*3 + 1*2)/25 = 14/25, kappa = (20-14)/(25-14) = 6/11
        assertEquals(6.0 / 11, asSuccess.kappa(), 1e-9);
        // the oracle against the humans: 1 TP, 2 FN, 3 TN, 4 TN, 6 TP
        JudgeAgreement.Row oracle = find(lines, "humans", "oracle", "-");
        assertEquals(List.of(2, 0, 1, 2), List.of(oracle.tp(), oracle.fp(), oracle.fn(), oracle.tn()));
        // the judge against the oracle over the same episodes
        JudgeAgreement.Row vsOracle = find(lines, "oracle", "webvoyager", "failure");
        assertEquals(5, vsOracle.n());
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("5 labels (2 left out"), text);
        assertTrue(text.contains("webvoyager vs humans (unreadable as failure): 5 episodes, precision 0.500"), text);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/judge-eval.json").toFile());
        assertEquals(5, json.path("matched").asInt());
        assertTrue(Files.readString(dir.resolve("out/judge-eval.csv")).startsWith("reference,judge,unreadable_as,n,"));
    }

    @Test
    void onlineMind2WebLabelsPerAgentWithAMapping() throws Exception {
        // AgentA: t-001 S, t-002 U, t-003 not executable (left out), t-004 S
        Path run = run("om2w", row("online-mind2web", "t-001", "llm:model=a", "", "success"),
                row("online-mind2web", "t-002", "llm:model=a", "", "success"),
                row("online-mind2web", "t-003", "llm:model=a", "", "failure"),
                row("online-mind2web", "t-004", "llm:model=a", "", "failure"));
        List<JudgeEval.Line> lines = JudgeEval.run(fixture("human_label.json"), run, Map.of("AgentA", "llm"),
                dir.resolve("out2"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        JudgeAgreement.Row r = find(lines, "humans", "webvoyager", "failure");
        assertEquals(List.of(1, 1, 1, 0), List.of(r.tp(), r.fp(), r.fn(), r.tn()));
        assertEquals(0, find(lines, "oracle", "webvoyager", "failure").n(), "no oracle on live sites");
    }

    @Test
    void malformedLabelsNameTheFileLineAndValue() throws Exception {
        Path bad = dir.resolve("annotations.csv");
        Files.writeString(bad, "task_id,model_name,trajectory_success\nwebarena.1,m,Maybe\n");
        Path run = run("r", row("webarena", "1", "m", "success", "success"));
        var e = assertThrows(IllegalArgumentException.class, () -> JudgeEval.run(bad, run, Map.of(), dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().endsWith("annotations.csv line 2: trajectory_success is 'Maybe' but must be "
                + "Successful, Unsuccessful or Unsure"), e.getMessage());
        Path json = dir.resolve("human_label.json");
        Files.writeString(json, "[{\"task_id\": \"t\", \"A_human_label\": \"yes\"}]");
        e = assertThrows(IllegalArgumentException.class, () -> JudgeEval.run(json, run, Map.of(), dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("A_human_label is 'yes'"), e.getMessage());
    }
}
