package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class WebArenaGrammarTests {

    private static Action p(String text) {
        return ActionGrammar.webArena().parse(text);
    }

    @Test
    void readsEveryActionOfTheGrammar() {
        assertEquals(new Action.Click("12"), p("click [12]"));
        assertEquals(new Action.Hover("3"), p("hover [3]"));
        assertEquals(new Action.Press(null, "Control+v"), p("press [Ctrl+v]"));
        assertEquals(new Action.Scroll(null, 0, 720), p("scroll [down]"));
        assertEquals(new Action.Scroll(null, 0, -720), p("scroll [up]"));
        assertEquals(new Action.NewTab(null), p("new_tab"));
        assertEquals(new Action.FocusTab(1), p("tab_focus [1]"));
        assertEquals(new Action.CloseTab(), p("close_tab"));
        assertEquals(new Action.Goto("http://x/a?b=1"), p("goto [http://x/a?b=1]"));
        assertEquals(new Action.Back(), p("go_back"));
        assertEquals(new Action.Forward(), p("go_forward"));
        assertEquals(new Action.Answer("N/A"), p("stop [N/A]"));
        assertEquals(new Action.Answer("a [b] c"), p("stop [a [b] c]"));
        assertEquals(new Action.Answer(""), p("stop"));
    }

    @Test
    void typeIsTypingAtTheCaretWithTheEnterFlagWhichDefaultsToPressingEnter() {
        assertEquals(new Action.TypeAtCaret("7", "blue [xl] shirt", false), p("type [7] [blue [xl] shirt] [0]"));
        Action enter = p("type [7] [tent] [1]");
        assertEquals(new Action.TypeAtCaret("7", "tent", true), enter);
        assertEquals(enter, p("type [7] [tent]"));
    }

    @Test
    void takesTheFirstFencedBlockAndRejectsTheRest() {
        assertEquals(new Action.Click("1582"),
                p("Let's think step-by-step. In summary, the next action I will perform is ```click [1582]```"));
        assertInstanceOf(Action.Invalid.class, p("I am not sure"));
        assertInstanceOf(Action.Invalid.class, p("click"));
        assertInstanceOf(Action.Invalid.class, p("scroll [left]"));
        assertInstanceOf(Action.Invalid.class, p("fly [3]"));
        assertInstanceOf(Action.Invalid.class, p(""));
    }

    @Test
    void aBadActionSaysWhatIsWrong() {
        assertEquals("scroll takes [down] or [up]", reason("scroll [left]"));
        assertEquals("type needs [id] [text] [0|1]", reason("type [7]"));
        assertEquals("click needs an argument in brackets", reason("click"));
        assertEquals("unknown action 'fly'", reason("fly [3]"));
        assertEquals("tab_focus takes a tab index", reason("tab_focus [second]"));
    }

    private static String reason(String text) {
        return assertInstanceOf(Action.Invalid.class, p(text)).reason();
    }
}
