package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * WebArena's grammar. The default reading is upstream's (agent/prompts/prompt_constructor.py extract_action, then
 * browser_env/actions.py create_id_based_action); {@code webarena-lenient} keeps the forgiving one.
 */
class WebArenaGrammarTests {

    private static Action p(String text) {
        return ActionGrammar.webArena().parse(text);
    }

    private static Action f(String action) {
        return p("```" + action + "```");
    }

    private static Action lenient(String text) {
        return ActionGrammar.named("webarena-lenient").parse(text);
    }

    @Test
    void readsEveryActionOfTheGrammarFromAFence() {
        assertEquals(new Action.Click("12"), f("click [12]"));
        assertEquals(new Action.Hover("3"), f("hover [3]"));
        assertEquals(new Action.Scroll(null, 0, 720), f("scroll [down]"));
        assertEquals(new Action.Scroll(null, 0, -720), f("scroll [up]"));
        assertEquals(new Action.NewTab(null), f("new_tab"));
        assertEquals(new Action.FocusTab(1), f("tab_focus [1]"));
        assertEquals(new Action.CloseTab(), f("close_tab"));
        assertEquals(new Action.Goto("http://x/a?b=1"), f("goto [http://x/a?b=1]"));
        assertEquals(new Action.Back(), f("go_back"));
        assertEquals(new Action.Forward(), f("go_forward"));
        assertEquals(new Action.Answer("N/A"), f("stop [N/A]"));
        assertEquals(new Action.Answer("a [b] c"), f("stop [a [b] c]"));
        assertEquals(new Action.Answer(""), f("stop"));
    }

    @Test
    void noFenceIsAParseFailure() {
        // _extract_action raises ActionParsingError when the splitter ``` is absent; run.py counts it a NONE action
        assertInstanceOf(Action.Invalid.class, p("click [12]"));
        assertInstanceOf(Action.Invalid.class, p("I am not sure"));
        assertInstanceOf(Action.Invalid.class, p(""));
        assertInstanceOf(Action.Invalid.class, p(null));
    }

    @Test
    void theFirstFencedBlockIsTheAction() {
        assertEquals(new Action.Click("1582"),
                p("Let's think step-by-step. In summary, the next action I will perform is ```click [1582]```"));
        assertEquals(new Action.Click("1"), p("```click [1]``` or maybe ```click [2]```"));
        assertEquals(new Action.Click("4"), p("```\nclick [4]\n```"));
    }

    @Test
    void actionNamesAreCaseSensitive() {
        assertInstanceOf(Action.Invalid.class, f("Click [12]"));
        assertInstanceOf(Action.Invalid.class, f("STOP [x]"));
        assertInstanceOf(Action.Invalid.class, f("scroll [DOWN]"));
        assertInstanceOf(Action.Invalid.class, f("fly [3]"));
    }

    @Test
    void textAfterTheActionIsAllowedBecauseThePatternIsSearched() {
        assertEquals(new Action.Click("12"), f("click [12] to open the cart"));
        assertEquals(new Action.Click("12"), f("click[12]"));
        assertEquals(new Action.Back(), f("go_back now"));
        assertEquals(new Action.Scroll(null, 0, 720), f("scroll down"));
    }

    @Test
    void elementIdsAreDigits() {
        assertInstanceOf(Action.Invalid.class, f("click [a12]"));
        assertInstanceOf(Action.Invalid.class, f("hover [ 3 ]"));
        assertInstanceOf(Action.Invalid.class, f("tab_focus [second]"));
        assertInstanceOf(Action.Invalid.class, f("click"));
    }

    @Test
    void typeTakesTheFlagOnlyAtTheVeryEndAndDefaultsToEnter() {
        assertEquals(new Action.TypeAtCaret("7", "blue [xl] shirt", false), f("type [7] [blue [xl] shirt] [0]"));
        assertEquals(new Action.TypeAtCaret("7", "tent", true), f("type [7] [tent] [1]"));
        assertEquals(new Action.TypeAtCaret("7", "tent", true), f("type [7] [tent]"));
        // "[2]" is not a flag, so " [1]" is appended and the greedy text swallows "[2"
        assertEquals(new Action.TypeAtCaret("7", "tent] [2", true), f("type [7] [tent] [2]"));
        assertInstanceOf(Action.Invalid.class, f("type [7]"));
    }

    @Test
    void aStopAnswerOverSeveralLinesIsEmpty() {
        // stop ?\[(.+)\] does not cross a line: no match, and upstream answers ""
        assertEquals(new Action.Answer(""), f("stop [first line\nsecond line]"));
        assertEquals(new Action.Answer("a"), f("stop [a]\nmore"));
    }

    @Test
    void keysArePassedAsWrittenThroughUpstreamsTableAndMetaIsControlOffMac() {
        assertEquals(new Action.Press(null, "Enter"), f("press [enter]"));
        assertEquals(new Action.Press(null, "Ctrl+v"), f("press [Ctrl+v]")); // no ctrl entry upstream
        assertEquals(new Action.Press(null, "Control+a"), f("press [Meta+a]"));
        assertEquals(new Action.Press(null, "Control+a"), f("press [meta+a]"));
        assertEquals(new Action.Press(null, "arrowleft"), f("press [arrowleft]")); // not in upstream's table
    }

    @Test
    void theLenientGrammarReadsUnfencedActionsAndMultiLineAnswers() {
        assertEquals(new Action.Click("12"), lenient("click [12]"));
        assertEquals(new Action.Press(null, "Control+v"), lenient("press [Ctrl+v]"));
        assertEquals(new Action.Answer("a\nb"), lenient("stop [a\nb]"));
        assertEquals("scroll takes [down] or [up]", assertInstanceOf(Action.Invalid.class,
                lenient("scroll [left]")).reason());
    }

    @Test
    void theSettingPicksTheReadingOfWebarena() {
        assertSame(ActionGrammar.webArena(), ActionGrammar.named("webarena", Config.of(Map.of())));
        assertEquals("webarena-lenient",
                ActionGrammar.named("webarena", Config.of(Map.of("webarena.grammar", "lenient"))).name());
        assertThrows(ConfigException.class,
                () -> ActionGrammar.named("webarena", Config.of(Map.of("webarena.grammar", "loose"))));
    }
}
