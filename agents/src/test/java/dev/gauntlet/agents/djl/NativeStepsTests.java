package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebShop's native actions as element steps, on a results page and an item page shaped as the built-in shop's. */
class NativeStepsTests {

    private static Dataset.ElementRecord el(String id, String role, String text, Map<String, String> attrs) {
        return new Dataset.ElementRecord(id, role, text, attrs);
    }

    private static final Map<String, String> INTERACTIVE = Map.of("interactive", "true");

    static final List<Dataset.ElementRecord> PAGE = List.of(
            el("7", "textbox", "Search...", Map.of("interactive", "true", "type", "text")),
            el("8", "button", "Search", INTERACTIVE),
            el("14", "heading", "B0Z1EKQVJ3", Map.of("tag", "h4")),
            el("15", "link", "B0Z1EKQVJ3", INTERACTIVE),
            el("16", "heading", "Quillon Modern Coffee Table", Map.of("tag", "h4")),
            el("20", "radio", "white", Map.of("interactive", "true", "type", "radio", "value", "white")),
            el("21", "button", "Buy Now", INTERACTIVE));

    private static List<Dataset.ActionRecord> steps(String text) {
        return NativeSteps.of(new Action.Native("webshop", text), PAGE).orElseThrow();
    }

    @Test
    void aSearchIsTypingTheKeywordsIntoTheSearchBoxAndClickingSearch() {
        List<Dataset.ActionRecord> s = steps("search[quillon coffee table]");
        assertEquals(2, s.size());
        assertEquals(new Dataset.ActionRecord(Operation.FILL, "7", "quillon coffee table", "search[quillon coffee table]"),
                s.get(0));
        assertEquals(Operation.CLICK, s.get(1).operation());
        assertEquals("8", s.get(1).target());
    }

    @Test
    void aClickTargetsTheInteractiveElementShowingTheValueNotAHeadingRepeatingIt() {
        // WebShop's click[value] finds buttons and result links by their text, options by their radio value
        assertEquals("15", steps("click[b0z1ekqvj3]").get(0).target());
        assertEquals("20", steps("click[white]").get(0).target());
        assertEquals("21", steps("click[buy now]").get(0).target());
    }

    @Test
    void aValueNamingNoElementGivesAStepWithNoTargetAndOtherGrammarsNone() {
        assertEquals("", steps("click[next >]").get(0).target());
        assertEquals(Optional.empty(), NativeSteps.of(new Action.Native("mind2web-choice", "B"), PAGE));
    }

    @Test
    void aGoldValueNoCopyGivesTeachesTheCandidateHoldingMostOfItsWords() {
        // WebShop's gold query is the product's title, which the instruction does not say: the whole instruction
        // (what WebShop's rule baseline searches) holds most of its words
        String instruction = "i am looking for a coffee table with a metal frame in white, and price lower than 330.00"
                + " dollars";
        List<String> c = ValueCandidates.texts(instruction, true);
        int t = ValueCandidates.target(c, "quillon modern coffee table, metal frame");
        assertTrue(c.get(t).startsWith("i am looking for a coffee table"), c.get(t));
        assertEquals(c.indexOf("white"), ValueCandidates.target(c, "white"), "an exact copy is its own target");
        assertEquals(-1, ValueCandidates.target(c, "zebra"));
    }
}
