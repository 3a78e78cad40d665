package dev.gauntlet.api;

import java.util.List;

/**
 * An agent's action. The set is closed; an {@link ActionGrammar} turns a model's text into one of these.
 *
 * <p>A {@code target} is an element id from the observation ({@code "12"}), or a Playwright selector with an explicit
 * engine prefix ({@code css=#submit}, {@code text=Next}), which gold demonstrations use. {@link #toString()} gives the
 * BrowserGym-style call that {@link ActionGrammar#browserGym()} reads back.
 */
public sealed interface Action {

    /** Clicks the element. */
    record Click(String target) implements Action {
        @Override public String toString() { return call("click", target); }
    }

    /** Double-clicks the element. */
    record DoubleClick(String target) implements Action {
        @Override public String toString() { return call("dblclick", target); }
    }

    /** Moves the mouse over the element. */
    record Hover(String target) implements Action {
        @Override public String toString() { return call("hover", target); }
    }

    /** Replaces the element's text with {@code text}. */
    record Fill(String target, String text) implements Action {
        @Override public String toString() { return call("fill", target, text); }
    }

    /** Types {@code text} key by key into the element (fires key events, unlike {@link Fill}). */
    record Type(String target, String text) implements Action {
        @Override public String toString() { return call("type", target, text); }
    }

    /**
     * Clicks the element, types {@code text} key by key at the caret, then presses Enter when {@code pressEnter}:
     * WebArena's {@code type [id] [text] [0|1]}. Unlike {@link Fill} it appends to what the element holds.
     */
    record TypeAtCaret(String target, String text, boolean pressEnter) implements Action {
        @Override public String toString() {
            return "type_at_caret(" + quote(target) + ", " + quote(text) + ", " + (pressEnter ? "True" : "False") + ")";
        }
    }

    /** Chooses options of a select element by value or label. */
    record Select(String target, List<String> options) implements Action {
        public Select { options = List.copyOf(options); }
        @Override public String toString() {
            return options.size() == 1 ? call("select_option", target, options.get(0))
                    : "select_option(" + quote(target) + ", [" + String.join(", ", options.stream().map(Action::quote).toList()) + "])";
        }
    }

    /** Presses a key combination ({@code Enter}, {@code Control+a}) in the element, or the page when target is null. */
    record Press(String target, String key) implements Action {
        @Override public String toString() { return target == null ? call("keyboard_press", key) : call("press", target, key); }
    }

    /** Scrolls by (dx, dy) pixels: the element when target is set, else the page. */
    record Scroll(String target, double dx, double dy) implements Action {
        @Override public String toString() {
            return target == null ? "scroll(" + num(dx) + ", " + num(dy) + ")"
                    : "scroll_element(" + quote(target) + ", " + num(dx) + ", " + num(dy) + ")";
        }
    }

    /** Clicks at viewport coordinates. */
    record ClickAt(double x, double y) implements Action {
        @Override public String toString() { return "mouse_click(" + num(x) + ", " + num(y) + ")"; }
    }

    /** Opens a URL in the current tab. */
    record Goto(String url) implements Action {
        @Override public String toString() { return call("goto", url); }
    }

    /** Goes back in history. */
    record Back() implements Action {
        @Override public String toString() { return "go_back()"; }
    }

    /** Goes forward in history. */
    record Forward() implements Action {
        @Override public String toString() { return "go_forward()"; }
    }

    /** Opens a new tab (blank, or at {@code url}). */
    record NewTab(String url) implements Action {
        @Override public String toString() { return url == null ? "new_tab()" : call("new_tab", url); }
    }

    /** Switches to tab {@code index}. */
    record FocusTab(int index) implements Action {
        @Override public String toString() { return "tab_focus(" + index + ")"; }
    }

    /** Closes the current tab. */
    record CloseTab() implements Action {
        @Override public String toString() { return "tab_close()"; }
    }

    /** Waits {@code millis} milliseconds and does nothing else. */
    record Noop(long millis) implements Action {
        @Override public String toString() { return millis == 0 ? "noop()" : "noop(" + millis + ")"; }
    }

    /** Ends the episode with an answer for the user ({@code ""} to just stop). */
    record Answer(String text) implements Action {
        @Override public String toString() { return call("send_msg_to_user", text); }
    }

    /**
     * A suite's own action that has no generic form (WebShop's {@code search[...]}); the suite's episode performs it.
     */
    record Native(String grammar, String text) implements Action {
        @Override public String toString() { return text; }
    }

    /** Output that could not be understood; recorded as the step's error, performs nothing. */
    record Invalid(String raw, String reason) implements Action {
        @Override public String toString() { return "invalid(" + quote(raw) + ")"; }
    }

    /** Tells whether this action ends the episode. */
    default boolean isTerminal() {
        return this instanceof Answer;
    }

    private static String call(String name, String... args) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(args[i]));
        }
        return sb.append(')').toString();
    }

    /** Quotes a string as a Python-style single-quoted literal. */
    static String quote(String s) {
        if (s == null) {
            return "None";
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
