package dev.gauntlet.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserGymGrammarTests {

    private static Action parse(String s) {
        return ActionGrammar.browserGym().parse(s);
    }

    @Test
    void parsesEachCall() {
        assertEquals(new Action.Click("12"), parse("click('12')"));
        assertEquals(new Action.Click("12"), parse("click(12)"));
        assertEquals(new Action.Fill("7", "it's \"here\""), parse("fill(\"7\", 'it\\'s \"here\"')"));
        assertEquals(new Action.Select("3", List.of("a", "b")), parse("select_option('3', ['a', 'b'])"));
        assertEquals(new Action.Select("3", List.of("Blue")), parse("select_option('3', 'Blue')"));
        assertEquals(new Action.Press(null, "Enter"), parse("keyboard_press('Enter')"));
        assertEquals(new Action.Press("4", "Control+a"), parse("press('4', 'Control+a')"));
        assertEquals(new Action.Scroll(null, 0, 200), parse("scroll(0, 200)"));
        assertEquals(new Action.ClickAt(10.5, 20), parse("mouse_click(10.5, 20)"));
        assertEquals(new Action.Goto("http://x/y?a=1"), parse("goto('http://x/y?a=1')"));
        assertEquals(new Action.Back(), parse("go_back()"));
        assertEquals(new Action.FocusTab(1), parse("tab_focus(1)"));
        assertEquals(new Action.Noop(500), parse("noop(500)"));
        assertEquals(new Action.Answer("42"), parse("send_msg_to_user('42')"));
        assertEquals(new Action.Answer("N/A"), parse("report_infeasible('cannot')"));
        assertEquals(new Action.Click("css=#a b"), parse("click('css=#a b', button='left')"));
        assertEquals(new Action.TypeAtCaret("7", "tent", false), parse("type_at_caret('7', 'tent', False)"));
        assertEquals(new Action.TypeAtCaret("7", "tent", true), parse("type_at_caret('7', 'tent', press_enter=1)"));
        assertEquals(new Action.TypeAtCaret("7", "tent", true), parse("type_at_caret('7', 'tent')"));
    }

    @Test
    void findsTheCallInsideModelChatter() {
        assertEquals(new Action.Click("5"), parse("I will press the OK button.\n```\nclick('5')\n```"));
    }

    @Test
    void toStringRoundTrips() {
        for (Action a : List.of(new Action.Click("1"), new Action.Fill("2", "a 'b'\nc"), new Action.Type("2", "x"),
                new Action.Select("3", List.of("x", "y")), new Action.Press(null, "Tab"), new Action.Scroll("9", 0, -50),
                new Action.Goto("http://h/"), new Action.Forward(), new Action.NewTab(null), new Action.CloseTab(),
                new Action.Hover("4"), new Action.DoubleClick("4"), new Action.Answer("done"), new Action.Noop(0),
                new Action.TypeAtCaret("7", "it's [x]", false), new Action.TypeAtCaret("7", "tent", true))) {
            assertEquals(a, parse(a.toString()), a.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "click the button", "fly('3')", "click(", "fill('3')", "click('unterminated)",
            "scroll('a', 'b')", "select_option('1')", "type_at_caret('7', 'x', 'maybe')"})
    void malformedTextBecomesInvalidWithAReason(String text) {
        Action a = parse(text);
        Action.Invalid invalid = assertInstanceOf(Action.Invalid.class, a, text);
        assertTrue(!invalid.reason().isBlank());
    }
}
