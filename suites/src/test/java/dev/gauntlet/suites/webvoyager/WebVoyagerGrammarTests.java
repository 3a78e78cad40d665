package dev.gauntlet.suites.webvoyager;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** WebVoyager's actions as its paper and script define them (MinorJerry/WebVoyager, run.py's action list). */
class WebVoyagerGrammarTests {

    private final ActionGrammar grammar = new WebVoyagerGrammar();

    @Test
    void eachActionOfThePaperParses() {
        assertEquals(new Action.Click("12"), grammar.parse("Click [12]"));
        assertEquals(new Action.Scroll(null, 0, 512), grammar.parse("Scroll [WINDOW]; down"));
        assertEquals(new Action.Scroll(null, 0, -512), grammar.parse("Scroll [WINDOW]; up"));
        assertEquals(new Action.Scroll("7", 0, 200), grammar.parse("Scroll [7]; down"));
        assertEquals(new Action.Noop(5000), grammar.parse("Wait"));
        assertEquals(new Action.Back(), grammar.parse("GoBack"));
        assertEquals(new Action.Goto("https://www.google.com/"), grammar.parse("Google"));
        assertEquals(new Action.Answer("212 reviews"), grammar.parse("ANSWER; 212 reviews"));
    }

    @Test
    void typeClearsTypesAndPressesEnterAsANativeAction() {
        Action type = grammar.parse("Type [4]; vegan lasagna");
        Action.Native n = assertInstanceOf(Action.Native.class, type);
        assertArrayEquals(new String[] {"4", "vegan lasagna"}, WebVoyagerGrammar.typing(n));
    }

    @Test
    void theActionIsReadAfterTheLastActionLabelOfAReply() {
        assertEquals(new Action.Click("3"), grammar.parse("Thought: the search box is 3.\nAction: Click [3]"));
    }

    @Test
    void anythingElseIsInvalidWithTheListOfActions() {
        Action.Invalid bad = assertInstanceOf(Action.Invalid.class, grammar.parse("Press [3]"));
        assertEquals("not a WebVoyager action: expected Click [N], Type [N]; text, Scroll [N|WINDOW]; up|down, Wait, "
                + "GoBack, Google or ANSWER; text", bad.reason());
        assertInstanceOf(Action.Invalid.class, grammar.parse(""));
    }

    @Test
    void itIsFoundByName() {
        assertEquals("webvoyager", ActionGrammar.named("webvoyager").name());
    }
}
