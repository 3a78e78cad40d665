package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Upstream's episode end: run.py's early_stop in WebArena and in WebArena-Lite, and the answer it is scored with. */
class WebArenaEarlyStopTests {

    private static List<Step> steps(Action... actions) {
        List<Step> steps = new ArrayList<>();
        for (Action a : actions) {
            steps.add(new Step(steps.size(), "", "", "", a, "", "", 0, 0, 0, ""));
        }
        return steps;
    }

    private static String wa(Action... actions) {
        return WebArenaSuite.earlyStop(steps(actions), Dialect.WEBARENA);
    }

    private static String lite(Action... actions) {
        return WebArenaSuite.earlyStop(steps(actions), Dialect.LITE);
    }

    private static final Action BAD = new Action.Invalid("hmm", "no action");
    private static final Action OTHER_BAD = new Action.Invalid("what", "no fence");
    private static final Action CLICK = new Action.Click("3");
    private static final Action TYPE = new Action.TypeAtCaret("4", "tent", true);

    @Test
    void threeUnparsableOutputsInARowStopBothHarnesses() {
        assertEquals("Failed to parse actions for 3 times", wa(CLICK, BAD, OTHER_BAD, BAD));
        assertEquals("Failed to parse actions for 3 times", lite(CLICK, BAD, OTHER_BAD, BAD));
        assertNull(wa(BAD, BAD, CLICK, BAD));
    }

    @Test
    void webArenaStopsAfterThreeEquivalentActionsInARow() {
        assertEquals("Same action for 3 times", wa(CLICK, CLICK, CLICK));
        assertNull(wa(CLICK, CLICK, new Action.Click("4"), CLICK));
    }

    @Test
    void webArenaTypingIntoTheSameElementIsTheSameActionWhateverTheText() {
        // is_equivalent compares a type action's element_id only; typing is counted over the whole episode
        assertEquals("Same typing action for 3 times", wa(TYPE, CLICK, new Action.TypeAtCaret("4", "tents", false),
                new Action.Back(), new Action.TypeAtCaret("4", "x", true)));
        assertNull(wa(TYPE, CLICK, TYPE, CLICK, new Action.TypeAtCaret("5", "tent", true)));
        assertNull(wa(TYPE, CLICK, TYPE));
    }

    @Test
    void liteStopsAfterFiveIdenticalActionsAndHasNoTypingRule() {
        // VAB-WebArena-Lite run.py: --repeating_action_failure_th defaults to 5, compared on the action strings
        assertNull(lite(CLICK, CLICK, CLICK));
        assertNull(lite(CLICK, CLICK, CLICK, CLICK));
        assertEquals("Same action for 5 times", lite(CLICK, CLICK, CLICK, CLICK, CLICK));
        assertNull(lite(TYPE, CLICK, TYPE, CLICK, TYPE));
        assertNull(lite(TYPE, TYPE, TYPE, TYPE, new Action.TypeAtCaret("4", "other", true)));
        assertEquals("Same action for 5 times", lite(TYPE, TYPE, TYPE, TYPE, TYPE));
    }

    private static Verdict scored(String dialect, String refs, String stopReason, String answer, int steps)
            throws Exception {
        Trajectory t = Fabricated.trajectory(dialect, Fabricated.strings(refs), answer, "http://shop.test/",
                java.util.Map.of());
        List<Step> taken = steps(fill(steps));
        return Fabricated.evaluate(new Trajectory(t.task(), t.seed(), t.agent(), taken, answer, t.finalUrl(), "",
                stopReason));
    }

    private static Action[] fill(int n) {
        Action[] a = new Action[n];
        java.util.Arrays.fill(a, CLICK);
        return a;
    }

    @Test
    void anEarlyStoppedEpisodeIsScoredWithTheEarlyStopAnswer() throws Exception {
        // run.py: action = create_stop_action(f"Early stop: {stop_info}"), then evaluated like any answer
        Verdict v = scored("webarena", "{'must_include': ['3']}", "early-stop: Same action for 3 times", "", 3);
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        Verdict exact = scored("webarena", "{'exact_match': 'Early stop: Same action for 3 times'}",
                "early-stop: Same action for 3 times", "", 3);
        assertEquals(Verdict.Outcome.SUCCESS, exact.outcome(), exact.explanation());
    }

    @Test
    void theStepLimitIsAnEarlyStopToo() throws Exception {
        // run.py's early_stop checks max steps first: "Reach max steps 30"
        Verdict v = scored("lite", "{'must_include': ['30']}", "max-steps", "", 30);
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
        Verdict no = scored("webarena", "{'must_include': ['cart']}", "max-steps", "", 30);
        assertEquals(Verdict.Outcome.FAILURE, no.outcome(), no.explanation());
    }

    @Test
    void anAnsweredEpisodeIsScoredWithItsAnswer() throws Exception {
        Verdict v = scored("webarena", "{'must_include': ['3']}", "answer", "It is 3", 2);
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
    }
}
