package dev.gauntlet.suites.webvoyager;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVoyager's action grammar, as its paper and script define the actions: {@code Click [N]}, {@code Type [N]; text}
 * (clears the field, types, presses Enter: a {@code webvoyager} native action the live-web episode performs),
 * {@code Scroll [N|WINDOW]; up|down}, {@code Wait}, {@code GoBack}, {@code Google} and {@code ANSWER; text}. The
 * action is the text after the last {@code Action:} when the reply has one, as the script reads it. N is the element's
 * label in the observation.
 */
public final class WebVoyagerGrammar implements ActionGrammar {

    /** Pixels a window scroll moves: two thirds of the 768-pixel viewport, as the script scrolls. */
    static final int WINDOW_SCROLL = 512;
    /** Pixels an element scroll moves. */
    static final int ELEMENT_SCROLL = 200;
    /** How long {@code Wait} waits, as the script sleeps. */
    static final long WAIT_MS = 5000;

    private static final Pattern CLICK = Pattern.compile("(?i)^click\\s*\\[?\\s*(\\d+)\\s*]?$");
    private static final Pattern TYPE = Pattern.compile("(?is)^type\\s*\\[?\\s*(\\d+)\\s*]?\\s*[;,]\\s*(.*)$");
    private static final Pattern SCROLL = Pattern.compile("(?i)^scroll\\s*\\[?\\s*(window|\\d+)\\s*]?\\s*[;,]?\\s*(up|down)$");
    private static final Pattern ANSWER = Pattern.compile("(?is)^answer\\s*[;:,]\\s*(.*)$");

    @Override
    public String name() {
        return "webvoyager";
    }

    @Override
    public String instructions() {
        return """
                Reply with one action (after "Action:"), N being an element's label:
                Click [N]                click the element
                Type [N]; some text      clear the field, type the text and press Enter
                Scroll [WINDOW]; down    scroll the page (up or down); Scroll [N]; down scrolls inside element N
                Wait                     wait 5 seconds for the page
                GoBack                   go back to the previous page
                Google                   open the Google search page
                ANSWER; the answer       finish the task with this answer""";
    }

    @Override
    public String example() {
        return "Click [5]";
    }

    @Override
    public Action parse(String text) {
        if (text == null || text.isBlank()) {
            return new Action.Invalid(String.valueOf(text), "empty output");
        }
        String t = text;
        int at = t.lastIndexOf("Action:");
        if (at >= 0) {
            t = t.substring(at + "Action:".length());
        }
        t = t.strip();
        Matcher m;
        if ((m = CLICK.matcher(t)).matches()) {
            return new Action.Click(m.group(1));
        }
        if ((m = TYPE.matcher(t)).matches()) {
            return new Action.Native(name(), "type " + m.group(1) + "; " + m.group(2).strip());
        }
        if ((m = SCROLL.matcher(t)).matches()) {
            boolean window = m.group(1).equalsIgnoreCase("window");
            int sign = m.group(2).equalsIgnoreCase("up") ? -1 : 1;
            return window ? new Action.Scroll(null, 0, sign * WINDOW_SCROLL)
                    : new Action.Scroll(m.group(1), 0, sign * ELEMENT_SCROLL);
        }
        if (t.equalsIgnoreCase("wait")) {
            return new Action.Noop(WAIT_MS);
        }
        if (t.equalsIgnoreCase("goback")) {
            return new Action.Back();
        }
        if (t.equalsIgnoreCase("google")) {
            return new Action.Goto("https://www.google.com/");
        }
        if ((m = ANSWER.matcher(t)).matches()) {
            return new Action.Answer(m.group(1).strip());
        }
        return new Action.Invalid(text, "not a WebVoyager action: expected Click [N], Type [N]; text, "
                + "Scroll [N|WINDOW]; up|down, Wait, GoBack, Google or ANSWER; text");
    }

    /** Splits a native {@code type N; text} into its element and text, or null when it is not one. */
    static String[] typing(Action.Native action) {
        Matcher m = Pattern.compile("(?s)^type (\\S+); (.*)$").matcher(action.text());
        return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
    }
}
