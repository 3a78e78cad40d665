package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The {@code llm} agent speaking MindAct's multiple-choice protocol (evaluate_dataset_llm in
 * src/action_prediction/metric.py of OSU-NLP-Group/Mind2Web) against a stand-in model server, through the engine:
 * groups of five with "None of the above" as A, each group's choice carried to the next round until one is left.
 */
class Mind2WebChoiceRoundsTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path dir;

    StandInServer model;

    @BeforeEach
    void start() throws IOException {
        model = StandInServer.start();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /** One task of one TYPE step whose candidates are buttons named by their ids: "p" (the positive) and n1..n{k}. */
    private Path dataset(int negatives) throws IOException {
        ObjectNode t = DatasetFiles.task("t", "w", "Travel", "TYPE:Ann Lee");
        ObjectNode a = (ObjectNode) t.get("actions").get(0);
        StringBuilder html = new StringBuilder("<html backend_node_id=\"1\"><body><button backend_node_id=\"p\">id-p</button>");
        ArrayNode pos = a.putArray("pos_candidates");
        DatasetFiles.candidate(pos, "button", "p", true);
        ArrayNode neg = a.putArray("neg_candidates");
        for (int i = 1; i <= negatives; i++) {
            html.append("<button backend_node_id=\"n").append(i).append("\">id-n").append(i).append("</button>");
            DatasetFiles.candidate(neg, "button", "n" + i, false);
        }
        a.put("cleaned_html", html.append("</body></html>").toString());
        return DatasetFiles.write(dir.resolve("data/test_task/test_task_0.json"), t);
    }

    private JsonNode run(Path data) throws Exception {
        EngineTestKit.engine("gauntlet")
                .selectors(selectClass(Benchmark.class))
                .configurationParameter("gauntlet.suite", "mind2web")
                .configurationParameter("gauntlet.agent", "llm:grammar=mind2web-choice")
                .configurationParameter("llm.base_url", model.baseUrl())
                .configurationParameter("llm.model", "stand-in")
                .configurationParameter("mind2web.data", data.toString())
                .configurationParameter("gauntlet.screenshots", "none")
                .configurationParameter("gauntlet.runsDir", dir.resolve("runs").toString())
                .configurationParameter("gauntlet.leaderboard", "off")
                .execute();
        return new ObjectMapper().readTree(dir.resolve("runs/latest").resolve(Mind2WebReport.FILE).toFile())
                .get("llm:grammar=mind2web-choice").get("all");
    }

    /** The ids a question offers, in its letter order B, C, ... */
    private static List<String> offered(StandInServer.Received question) {
        String text = question.allText();
        assertTrue(text.contains("A. None of the above"), text);
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^([B-F])\\. button id-(\\w+)$").matcher(text);
        while (m.find()) {
            assertEquals((char) ('B' + ids.size()), m.group(1).charAt(0), text);
            ids.add(m.group(2));
        }
        return ids;
    }

    @Test
    void tenCandidatesTakeTwoQuestionsOfFiveAndAThirdBetweenTheirWinners() throws Exception {
        model.otherwise(Reply.text("B.\nAction: TYPE\nValue: Ann Lee"));
        JsonNode m = run(dataset(9));
        List<StandInServer.Received> q = model.received();
        assertEquals(3, q.size(), "5 + 5 candidates, then the two winners");
        List<String> first = offered(q.get(0));
        List<String> second = offered(q.get(1));
        List<String> last = offered(q.get(2));
        assertEquals(5, first.size());
        assertEquals(5, second.size());
        assertEquals(List.of(first.get(0), second.get(0)).stream().sorted().toList(), last.stream().sorted().toList(),
                "the final question offers each group's choice");
        String chosen = last.get(0);
        assertEquals(chosen.equals("p") ? 1.0 : 0.0, m.get("element_accuracy_micro").asDouble(), "chosen: " + chosen);
        assertEquals(1.0, m.get("operation_f1_micro").asDouble(), "TYPE Ann Lee, as the gold operation");
        assertTrue(q.get(0).allText().contains("Task: Do the t errand on w."), q.get(0).allText());
        assertTrue(q.get(0).allText().contains("<button backend_node_id=\""), "the group's own HTML is shown");
    }

    @Test
    void noneOfTheAboveInEveryGroupAnswersNothingAndScoresZero() throws Exception {
        model.otherwise(Reply.text("A."));
        JsonNode m = run(dataset(6));
        assertEquals(2, model.requests(), "both groups answered A: nothing is carried on");
        assertEquals(0.0, m.get("element_accuracy_micro").asDouble());
        assertEquals(0.0, m.get("operation_f1_micro").asDouble());
    }

    @Test
    void aLetterPastTheOptionsClearsTheChoiceSoFar() throws Exception {
        // 7 candidates: question 1 (5 options) chooses B, which joins the 2 left; question 2 (those 3) answers F, an
        // IndexError upstream that sets the prediction to None, and nothing is left to ask about
        model.script(Reply.text("B.\nAction: TYPE\nValue: Ann Lee"), Reply.text("F.\nAction: CLICK"));
        JsonNode m = run(dataset(6));
        assertEquals(2, model.requests());
        List<String> first = offered(model.received().get(0));
        assertTrue(offered(model.received().get(1)).contains(first.get(0)), "the winner is asked about again");
        assertEquals(0.0, m.get("element_accuracy_micro").asDouble(), "the cleared prediction scores 0");
    }

    @Test
    void aSingleCandidateIsNeverAskedAboutAndScoresZeroAsUpstream() throws Exception {
        // upstream asks while len(all_candidates) > 1, so one candidate leaves final_prediction None
        JsonNode m = run(dataset(0));
        assertEquals(0, model.requests());
        assertEquals(0.0, m.get("step_success_micro").asDouble());
    }
}
