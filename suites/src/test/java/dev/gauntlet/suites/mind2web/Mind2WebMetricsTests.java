package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MindAct's metrics (src/action_prediction/metric.py of OSU-NLP-Group/Mind2Web), each case computed by hand:
 * element accuracy, operation F1 as token-set F1 of "OP value", step success, task success, micro and macro averages.
 */
class Mind2WebMetricsTests {

    private static final double EPS = 1e-9;

    static Mind2WebTask parsed(ObjectNode node) throws Exception {
        return TaskJson.task(node);
    }

    static Mind2WebOracle oracle(Mind2WebTask t, int topK, Ranking ranking) {
        return new Mind2WebOracle(Mind2WebReader.withoutPages(t), "test_task", topK, ranking);
    }

    @Test
    void operationF1IsTheF1OfWhitespaceTokenSetsCaseSensitively() {
        assertEquals(1.0, OperationF1.of("CLICK", "CLICK"), EPS);
        assertEquals(0.0, OperationF1.of("CLICK", "TYPE red"), EPS);
        // {TYPE} against {TYPE, red, shoes}: precision 1, recall 1/3 -> F1 0.5
        assertEquals(0.5, OperationF1.of("TYPE", "TYPE red shoes"), EPS);
        // case matters: upstream's ActionEvaluatorMultiChoice.calculate_f1 (src/action_prediction/metric.py) compares
        // set(pred.strip().split()) with set(label.strip().split()), no lower(), and keeps punctuation tokens (only
        // its generation evaluator drops them): {TYPE, new, york} against {TYPE, New, York}: 1 of 3 each way -> 1/3
        assertEquals(1.0 / 3, OperationF1.of("TYPE new york", "TYPE New York"), EPS);
        // sets, not bags: repeated tokens count once
        assertEquals(1.0, OperationF1.of("SELECT a a b", "SELECT b a"), EPS);
        assertEquals(0.8, OperationF1.of("TYPE York ,", "TYPE York"), EPS);
        assertEquals(1.0, OperationF1.of("", ""), EPS);
        assertEquals(0.0, OperationF1.of("", "CLICK"), EPS);
    }

    @Test
    void aStepSucceedsOnlyWithTheRightElementAndAnF1OfOneAndTheF1CountsWhateverElementWasChosen() throws Exception {
        Mind2WebOracle o = oracle(parsed(DatasetFiles.task("t", "w", "d", "CLICK", "TYPE:red shoes", "CLICK")), 50, null);
        // "TYPE" against "TYPE red shoes": {TYPE} vs {TYPE, red, shoes}, precision 1, recall 1/3 -> F1 0.5
        List<StepScore> s = o.score(List.of(new Action.Click("p0"), new Action.Type("p1", ""),
                new Action.Click("n2a")));
        assertEquals(new StepScore(1, 1, 1), s.get(0));
        assertEquals(new StepScore(1, 0.5, 0), s.get(1));
        assertEquals(new StepScore(0, 1, 0), s.get(2), "wrong element: F1 still counted, as MindAct does");
    }

    @Test
    void anActionThatPredictsNoElementOrAStepLeftUnansweredScoresZeroOnAllThree() throws Exception {
        Mind2WebOracle o = oracle(parsed(DatasetFiles.task("t", "w", "d", "CLICK", "CLICK", "CLICK")), 50, null);
        List<StepScore> s = o.score(List.of(new Action.Invalid("B.", "unreadable"), new Action.Noop(0)));
        assertEquals(List.of(StepScore.ZERO, StepScore.ZERO, StepScore.ZERO), s);
    }

    @Test
    void hoverEnterAndFillReadAsTheDatasetsClickAndType() throws Exception {
        Mind2WebOracle o = oracle(parsed(DatasetFiles.task("t", "w", "d", "CLICK", "CLICK", "TYPE:x y", "SELECT:Large")),
                50, null);
        List<StepScore> s = o.score(List.of(new Action.Hover("p0"), new Action.Press("p1", "Enter"),
                new Action.Fill("p2", "y x"), new Action.Select("p3", List.of("Large"))));
        s.forEach(x -> assertEquals(new StepScore(1, 1, 1), x));
    }

    @Test
    void aStepWithoutPositivesScoresZeroEvenForTheGoldOperation() throws Exception {
        ObjectNode node = DatasetFiles.task("t", "w", "d", "CLICK", "CLICK");
        ((com.fasterxml.jackson.databind.node.ArrayNode) node.get("actions").get(1).get("pos_candidates")).removeAll();
        Mind2WebOracle o = oracle(parsed(node), 50, null);
        List<StepScore> s = o.score(List.of(new Action.Click("p0"), new Action.Click("p1")));
        assertEquals(new StepScore(1, 1, 1), s.get(0));
        assertEquals(StepScore.ZERO, s.get(1));
    }

    @Test
    void aStepWhosePositivesAllRankOutsideTheTopKScoresZero() throws Exception {
        Mind2WebTask t = parsed(DatasetFiles.task("t", "w", "d", "CLICK"));
        Ranking ranking = new Ranking(Map.of("t_t-u0", Map.of("p0", 50, "n0a", 0, "n0b", 1)));
        // top-k keeps rank < k: rank 50 is out with k = 50, in with k = 51
        assertEquals(StepScore.ZERO, oracle(t, 50, ranking).score(List.of(new Action.Click("p0"))).get(0));
        assertEquals(new StepScore(1, 1, 1), oracle(t, 51, ranking).score(List.of(new Action.Click("p0"))).get(0));
        // a step the ranking does not know has no positive within the top-k
        Ranking other = new Ranking(Map.of("other_u", Map.of("p0", 0)));
        assertEquals(StepScore.ZERO, oracle(t, 50, other).score(List.of(new Action.Click("p0"))).get(0));
    }

    @Test
    void microAveragesOverStepsMacroOverTasksAndTaskSuccessNeedsEveryStep() throws Exception {
        // task A: (1,1,1) (1,0.5,0) (0,0,0); task B: (1,1,1); task C: (0,1,0)
        List<StepScore> a = oracle(parsed(DatasetFiles.task("a", "w", "d", "CLICK", "TYPE:red shoes", "CLICK")), 50, null)
                .score(List.of(new Action.Click("p0"), new Action.Type("p1", ""), new Action.Noop(0)));
        List<StepScore> b = oracle(parsed(DatasetFiles.task("b", "w", "d", "CLICK")), 50, null)
                .score(List.of(new Action.Click("p0")));
        List<StepScore> c = oracle(parsed(DatasetFiles.task("c", "w", "d", "CLICK")), 50, null)
                .score(List.of(new Action.Click("n0b")));
        Mind2WebMetrics.Averages avg = Mind2WebMetrics.of(List.of(new Mind2WebMetrics.Scored("x", a),
                new Mind2WebMetrics.Scored("x", b), new Mind2WebMetrics.Scored("x", c)));
        assertEquals(3, avg.tasks());
        assertEquals(5, avg.steps());
        assertEquals(3.0 / 5, avg.microElementAccuracy(), EPS);
        assertEquals(3.5 / 5, avg.microOperationF1(), EPS);
        assertEquals(2.0 / 5, avg.microStepSuccess(), EPS);
        assertEquals((2.0 / 3 + 1 + 0) / 3, avg.macroElementAccuracy(), EPS);
        assertEquals((1.5 / 3 + 1 + 1) / 3, avg.macroOperationF1(), EPS);
        assertEquals((1.0 / 3 + 1 + 0) / 3, avg.macroStepSuccess(), EPS);
        assertEquals(1.0 / 3, avg.taskSuccess(), EPS);
    }

    @Test
    void averagesComePerSplitAndOverAll() {
        List<StepScore> right = List.of(new StepScore(1, 1, 1));
        List<StepScore> wrong = List.of(StepScore.ZERO);
        var by = Mind2WebMetrics.bySplit(List.of(new Mind2WebMetrics.Scored("test_task", right),
                new Mind2WebMetrics.Scored("test_domain", wrong), new Mind2WebMetrics.Scored("test_task", wrong)));
        assertEquals(List.of("test_domain", "test_task", "all"), new ArrayList<>(by.keySet()));
        assertEquals(0.5, by.get("test_task").taskSuccess(), EPS);
        assertEquals(0.0, by.get("test_domain").taskSuccess(), EPS);
        assertEquals(1.0 / 3, by.get("all").microStepSuccess(), EPS);
    }

    @Test
    void theVerdictRewardsTheStepSuccessRateAndPassesOnlyWhenEveryStepSucceeds() throws Exception {
        Mind2WebTask t = parsed(DatasetFiles.task("t", "w", "d", "CLICK", "TYPE:red"));
        Mind2WebOracle o = oracle(t, 50, null);
        Task task = new Task("mind2web", "t", "", List.of(), java.util.Set.of(), o, java.util.Set.of(), 2, Map.of());
        Verdict half = o.evaluate(trajectory(task, new Action.Click("p0"), new Action.Type("p1", "blue")), context());
        assertFalse(half.success());
        assertEquals(0.5, half.reward(), EPS);
        assertEquals(0.75, (double) half.evidence().get("operation_f1"), EPS);
        assertEquals(2, ((List<?>) half.evidence().get("steps")).size());
        Verdict all = o.evaluate(trajectory(task, new Action.Click("p0"), new Action.Type("p1", "red")), context());
        assertTrue(all.success());
        assertEquals(1.0, all.reward(), EPS);
        assertEquals("test_task", all.evidence().get("split"));
    }

    private static Trajectory trajectory(Task task, Action... actions) {
        List<Step> steps = new ArrayList<>();
        for (Action a : actions) {
            steps.add(new Step(steps.size(), "", "", "", a, "", "", 0, 0, 0, ""));
        }
        return new Trajectory(task, 1, "test", steps, "", "", "", "done");
    }

    private static EvaluationContext context() {
        return new EvaluationContext(Config.of(Map.of()), Optional.empty(), Path.of("target"));
    }
}
