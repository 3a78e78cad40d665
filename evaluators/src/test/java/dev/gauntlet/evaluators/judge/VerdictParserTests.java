package dev.gauntlet.evaluators.judge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictParserTests {

    @Test
    void readsWebVoyagerVerdictsAndTheLastOneWins() {
        assertTrue(VerdictParser.webVoyager("The cart shows the item.\nSUCCESS").success());
        assertFalse(VerdictParser.webVoyager("The price is wrong.\nNOT SUCCESS").success());
        assertFalse(VerdictParser.webVoyager("Verdict: not  success").success());
        assertFalse(VerdictParser.webVoyager("I must answer SUCCESS or NOT SUCCESS. It failed: NOT SUCCESS").success());
        assertTrue(VerdictParser.webVoyager("Not all screenshots... but the answer is right. **SUCCESS**").success());
        assertEquals("The cart shows the item.", VerdictParser.webVoyager("The cart shows the item.\nVerdict: SUCCESS").reasoning());
    }

    @Test
    void findsNoWebVoyagerVerdictInMalformedReplies() {
        for (String reply : List.of("", "I cannot tell.", "The run was unsuccessful.", "successfully done?")) {
            VerdictParser.Parsed p = VerdictParser.webVoyager(reply);
            assertNull(p.success(), reply);
            assertTrue(p.problem().contains("neither"), p.problem());
        }
    }

    @Test
    void readsStatusLines() {
        VerdictParser.Parsed p = VerdictParser.status("Thoughts: the order page shows #123.\nStatus: success");
        assertTrue(p.success());
        assertEquals("the order page shows #123.", p.reasoning());
        assertFalse(VerdictParser.status("Thoughts: no.\n**Status:** \"failure\"").success());
        assertFalse(VerdictParser.status("status: Failed").success());
        assertTrue(VerdictParser.status("Status: failure? On reflection... Status: successful").success());
        assertNull(VerdictParser.status("Thoughts: it went fine.").success());
        assertNull(VerdictParser.status("Status: unknown").success());
    }

    @Test
    void readsTaggedRewardBenchReplies() {
        String reply = "<reasoning>Reached the settings page and saved.</reasoning>\n<success>Yes</success>\n"
                + "<side_effects>no</side_effects><looping>no</looping>";
        VerdictParser.Parsed p = VerdictParser.tagged(reply);
        assertTrue(p.success());
        assertEquals("Reached the settings page and saved.", p.reasoning());
        assertFalse(VerdictParser.tagged("<success> no </success>").success());
        assertNull(VerdictParser.tagged("success: yes").success());
        assertNull(VerdictParser.tagged("<success>maybe</success>").success());
        assertEquals("no", VerdictParser.tag(reply, "looping").orElseThrow());
    }

    @Test
    void readsWebJudgeKeyPointsAndRelevance() {
        assertEquals(List.of("Blue shirt", "Size M", "Under $20"),
                VerdictParser.keyPoints("Sure.\nKey points:\n1. Blue shirt\n2) Size M\n- Under $20\n"));
        assertEquals(List.of(), VerdictParser.keyPoints("none"));
        assertEquals(OptionalInt.of(4), VerdictParser.relevance("Shows the cart with the shirt. Score: 4"));
        assertEquals(OptionalInt.of(2), VerdictParser.relevance("**Score**: 2"));
        assertEquals(OptionalInt.empty(), VerdictParser.relevance("Score: 9"));
        assertEquals(OptionalInt.empty(), VerdictParser.relevance("very relevant"));
    }

    @Test
    void readsOrmWordsWhenNoLogprobsCame() {
        assertTrue(VerdictParser.yesNo("YES").success());
        assertTrue(VerdictParser.yesNo(" yes.").success());
        assertFalse(VerdictParser.yesNo("No, it did not").success());
        assertNull(VerdictParser.yesNo("Yesterday").success());
        assertNull(VerdictParser.yesNo("").success());
    }
}
