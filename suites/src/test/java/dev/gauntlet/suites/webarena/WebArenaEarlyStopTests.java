package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Upstream's early-stop rules. */
class WebArenaEarlyStopTests {

    private static String stop(Action... actions) {
        List<Step> steps = new ArrayList<>();
        for (Action a : actions) {
            steps.add(new Step(steps.size(), "", "", "", a, "", "", 0, 0, 0, ""));
        }
        return WebArenaSuite.earlyStop(steps);
    }

    private static final Action BAD = new Action.Invalid("hmm", "no action");
    private static final Action CLICK = new Action.Click("3");
    private static final Action TYPE = new Action.Fill("4", "tent");

    @Test
    void threeUnparsableOutputsInARowStop() {
        assertNotNull(stop(CLICK, BAD, BAD, BAD));
        assertNull(stop(BAD, BAD, CLICK, BAD));
    }

    @Test
    void threeIdenticalActionsInARowStop() {
        assertNotNull(stop(CLICK, CLICK, CLICK));
        assertNull(stop(CLICK, CLICK, new Action.Click("4"), CLICK));
    }

    @Test
    void theSameTypingCountsOverTheWholeEpisode() {
        assertNotNull(stop(TYPE, CLICK, TYPE, new Action.Back(), TYPE));
        assertNull(stop(TYPE, CLICK, TYPE));
        Action typeAtCaret = new Action.TypeAtCaret("4", "tent", true);
        assertNotNull(stop(typeAtCaret, CLICK, typeAtCaret, CLICK, typeAtCaret));
        assertNull(stop(typeAtCaret, CLICK, new Action.TypeAtCaret("4", "tent", false), CLICK, typeAtCaret));
    }
}
