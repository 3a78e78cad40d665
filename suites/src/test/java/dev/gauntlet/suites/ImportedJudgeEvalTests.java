package dev.gauntlet.suites;

import dev.gauntlet.api.Config;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import dev.gauntlet.reports.JudgeAgreement;
import dev.gauntlet.reports.judgeeval.ImportFormat;
import dev.gauntlet.reports.judgeeval.JudgeEval;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * judge-eval over imported trajectories with the real judges (evaluators module) against a stand-in model server:
 * AgentRewardBench's trajectory JSON judged by {@code axtree}, Online-Mind2Web's result folders by
 * {@code webvoyager}; what each judge was sent comes from the imported files.
 */
class ImportedJudgeEvalTests {

    // a 1×1 PNG
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC");

    @TempDir
    Path dir;

    StandInServer model;

    @BeforeEach
    void start() throws Exception {
        model = StandInServer.start();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private Config config(String... extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("llm.base_url", model.baseUrl(), "llm.model",
                "judge-7b", "llm.cache_dir", "off", "llm.max_retries", "0"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return Config.of(values);
    }

    private static JudgeAgreement.Row find(List<JudgeEval.Line> lines, String reference, String judge) {
        return lines.stream().filter(l -> l.reference().equals(reference) && l.judge().equals(judge)
                && !l.unreadableAs().equals("success")).findFirst().orElseThrow().counts();
    }

    private void arbTrajectory(String task, String goal, String answer, double reward) throws Exception {
        Path shot = dir.resolve("trajectories/screenshots/webarena/GenericAgent-x/" + task + "/screenshot_step_1.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, PNG);
        Path file = dir.resolve("trajectories/cleaned/webarena/GenericAgent-x/GenericAgent-x_on_webarena/" + task
                + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"benchmark": "webarena", "agent": "GenericAgent-x", "model": "x", "valid": true, "goal": "%s\\n",
                 "seed": 0, "summary_info": {"cum_reward": %s},
                 "steps": [{"num": 0, "action": "send_msg_to_user('%s')", "url": "http://shop.local/a",
                            "reasoning": "I read it off the page.", "screenshot_path": "None",
                            "last_action_error": null, "axtree": "RootWebArea 'A'"},
                           {"num": 1, "action": null, "url": "http://shop.local/a", "reasoning": null,
                            "screenshot_path": "trajectories/screenshots/webarena/GenericAgent-x/%s/screenshot_step_1.png",
                            "last_action_error": null, "axtree": "RootWebArea 'Final page of %s'"}]}
                """.formatted(goal, reward, answer, task, task));
    }

    @Test
    void agentRewardBenchTrajectoriesJudgedByTheRewardBenchJudge() throws Exception {
        arbTrajectory("webarena.10", "Find the cheapest tent", "Tent A", 1.0);
        arbTrajectory("webarena.11", "Count the open issues", "7", 0.0);
        Path labels = dir.resolve("annotations.csv");
        Files.writeString(labels, "annotator_name,benchmark,task_id,model_name,exp_name,trajectory_success\n"
                + "A,webarena,webarena.10,GenericAgent-x,e,Successful\nA,webarena,webarena.11,GenericAgent-x,e,"
                + "Unsuccessful\n");
        model.script(Reply.text("<success>Successful</success>"), Reply.text("<success>Successful</success>"));
        List<JudgeEval.Line> lines = JudgeEval.runImported(labels, ImportFormat.AGENT_REWARD_BENCH,
                dir.resolve("trajectories/cleaned"), List.of("axtree"), config("judge.axtree.screenshot", "true"),
                Map.of(), dir.resolve("out"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        JudgeAgreement.Row r = find(lines, "humans", "axtree");
        assertEquals(List.of(1, 1, 0, 0), List.of(r.tp(), r.fp(), r.fn(), r.tn()));
        JudgeAgreement.Row oracle = find(lines, "humans", "oracle");
        assertEquals(List.of(1, 0, 0, 1), List.of(oracle.tp(), oracle.fp(), oracle.fn(), oracle.tn()));
        assertEquals(2, model.requests());
        StandInServer.Received first = model.received().get(0);
        String text = first.allText();
        assertTrue(text.contains("Find the cheapest tent"), text);
        assertTrue(text.contains("send_msg_to_user('Tent A')"), text);
        assertTrue(text.contains("RootWebArea 'Final page of webarena.10'"), "the last step's axtree: " + text);
        assertEquals(1, first.imageUrls().size(), "the last screenshot");
    }

    @Test
    void onlineMind2WebResultFoldersJudgedByTheWebVoyagerJudge() throws Exception {
        for (String t : List.of("t-1", "t-2")) {
            Path traj = Files.createDirectories(dir.resolve("AgentA/" + t + "/trajectory"));
            Files.write(traj.resolve("0_full_screenshot.png"), PNG);
            Files.write(traj.resolve("1_full_screenshot.png"), PNG);
        }
        Files.writeString(dir.resolve("AgentA/t-1/result.json"), "{\"task\": \"Find the museum's hours\", "
                + "\"final_result_response\": \"9 to 5\", \"action_history\": [\"Click 'Visit'\"]}");
        Files.writeString(dir.resolve("AgentA/t-2/result.json"), "{\"task\": \"Book a table\", "
                + "\"action_history\": [\"Click 'Reserve'\"]}");
        Path labels = dir.resolve("human_label.json");
        Files.writeString(labels, "[{\"task_id\": \"t-1\", \"AgentA_human_label\": \"1\"}, "
                + "{\"task_id\": \"t-2\", \"AgentA_human_label\": \"0\"}]");
        model.script(Reply.text("The hours are shown. NOT SUCCESS"));
        List<JudgeEval.Line> lines = JudgeEval.runImported(labels, ImportFormat.ONLINE_MIND2WEB,
                dir.resolve("AgentA"), List.of("webvoyager"), config(), Map.of(), dir.resolve("out"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // t-1: a call, NOT SUCCESS read first (a failure); t-2 has no answer: a failure without a call (the script)
        JudgeAgreement.Row r = find(lines, "humans", "webvoyager");
        assertEquals(List.of(0, 0, 1, 1), List.of(r.tp(), r.fp(), r.fn(), r.tn()));
        assertEquals(1, model.requests());
        String text = model.received().get(0).allText();
        assertTrue(text.contains("Find the museum's hours") && text.contains("9 to 5"), text);
        assertEquals(1, model.received().get(0).imageUrls().size(), "the last screenshot, k = 1");
    }
}
