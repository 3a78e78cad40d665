package dev.gauntlet.api;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebArena's own reading of a model's output (its prompt constructor's {@code extract_action}, then
 * {@code create_id_based_action}): the first {@code ```} fenced block, or a parse failure when there is none; the
 * action name is the text before the first {@code [} (or the first word), matched case-sensitively; each action's
 * pattern is searched for, so text after it is allowed; element ids are digits; no pattern crosses a line, so a
 * {@code stop [...]} whose answer spans lines gives the answer {@code ""}; keys are passed as written, through
 * upstream's table of special key names, and {@code Meta} becomes {@code Control} off macOS as its executor does.
 */
final class WebArenaUpstreamParser {

    private WebArenaUpstreamParser() {}

    // Python's '.' stops only at \n, and its \d and \s are Unicode-aware.
    private static final int FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern FENCE = Pattern.compile("```(.*?)```", Pattern.DOTALL);
    private static final Pattern CLICK = Pattern.compile("click ?\\[(\\d+)\\]", FLAGS);
    private static final Pattern HOVER = Pattern.compile("hover ?\\[(\\d+)\\]", FLAGS);
    private static final Pattern TYPE = Pattern.compile("type ?\\[(\\d+)\\] ?\\[(.+)\\] ?\\[(\\d+)\\]", FLAGS);
    private static final Pattern PRESS = Pattern.compile("press ?\\[(.+)\\]", FLAGS);
    private static final Pattern SCROLL = Pattern.compile("scroll ?\\[?(up|down)\\]?", FLAGS);
    private static final Pattern GOTO = Pattern.compile("goto ?\\[(.+)\\]", FLAGS);
    private static final Pattern TAB_FOCUS = Pattern.compile("tab_focus ?\\[(\\d+)\\]", FLAGS);
    private static final Pattern STOP = Pattern.compile("stop ?\\[(.+)\\]", FLAGS);
    private static final Pattern SPACE = Pattern.compile("\\s+", FLAGS);

    /** Upstream's special key names, looked up in lower case; any other key is passed as written. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("backquote", "Backquote"), Map.entry("minus", "Minus"), Map.entry("equal", "Equal"),
            Map.entry("backslash", "Backslash"), Map.entry("backspace", "Backspace"), Map.entry("meta", "Meta"),
            Map.entry("tab", "Tab"), Map.entry("delete", "Delete"), Map.entry("escape", "Escape"),
            Map.entry("arrowdown", "ArrowDown"), Map.entry("end", "End"), Map.entry("enter", "Enter"),
            Map.entry("home", "Home"), Map.entry("insert", "Insert"), Map.entry("pagedown", "PageDown"),
            Map.entry("pageup", "PageUp"), Map.entry("arrowright", "ArrowRight"), Map.entry("arrowup", "ArrowUp"),
            Map.entry("f1", "F1"), Map.entry("f2", "F2"), Map.entry("f3", "F3"), Map.entry("f4", "F4"),
            Map.entry("f5", "F5"), Map.entry("f6", "F6"), Map.entry("f7", "F7"), Map.entry("f8", "F8"),
            Map.entry("f9", "F9"), Map.entry("f10", "F10"), Map.entry("f11", "F11"), Map.entry("f12", "F12"));

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");

    static Action parse(String text) {
        if (text == null) {
            return new Action.Invalid("null", "empty output");
        }
        Matcher fence = FENCE.matcher(text);
        if (!fence.find()) {
            return new Action.Invalid(text, "no ``` fenced block: WebArena reads the action from the first one");
        }
        String s = fence.group(1).strip();
        String name = s.contains("[") ? s.substring(0, s.indexOf('[')).strip() : SPACE.split(s)[0];
        Matcher m;
        switch (name) {
            case "click":
                return (m = CLICK.matcher(s)).find() ? new Action.Click(m.group(1)) : bad(text, "click [id]");
            case "hover":
                return (m = HOVER.matcher(s)).find() ? new Action.Hover(m.group(1)) : bad(text, "hover [id]");
            case "type":
                // as upstream: no [0]/[1] at the very end means " [1]" is appended (press Enter)
                String typed = s.endsWith("[0]") || s.endsWith("[1]") ? s : s + " [1]";
                return (m = TYPE.matcher(typed)).find()
                        ? new Action.TypeAtCaret(m.group(1), m.group(2), m.group(3).equals("1"))
                        : bad(text, "type [id] [text] [0|1]");
            case "press":
                return (m = PRESS.matcher(s)).find() ? new Action.Press(null, key(m.group(1)))
                        : bad(text, "press [key_comb]");
            case "scroll":
                return (m = SCROLL.matcher(s)).find() ? new Action.Scroll(null, 0,
                        m.group(1).equals("down") ? WebArenaGrammar.SCROLL_PIXELS : -WebArenaGrammar.SCROLL_PIXELS)
                        : bad(text, "scroll [up|down]");
            case "goto":
                return (m = GOTO.matcher(s)).find() ? new Action.Goto(m.group(1)) : bad(text, "goto [url]");
            case "new_tab":
                return new Action.NewTab(null);
            case "go_back":
                return new Action.Back();
            case "go_forward":
                return new Action.Forward();
            case "tab_focus":
                if ((m = TAB_FOCUS.matcher(s)).find()) {
                    try {
                        return new Action.FocusTab(Integer.parseInt(m.group(1)));
                    } catch (NumberFormatException e) {
                        return bad(text, "tab_focus [index] with a small index");
                    }
                }
                return bad(text, "tab_focus [index]");
            case "close_tab":
                return new Action.CloseTab();
            case "stop":
                return new Action.Answer((m = STOP.matcher(s)).find() ? m.group(1) : "");
            default:
                return new Action.Invalid(text, "invalid action '" + name + "' (names are lower case, as click [12])");
        }
    }

    private static Action bad(String text, String form) {
        return new Action.Invalid(text, "expected " + form);
    }

    private static String key(String comb) {
        StringBuilder out = new StringBuilder();
        for (String k : comb.split("\\+", -1)) {
            out.append(out.length() == 0 ? "" : "+").append(KEYS.getOrDefault(k.toLowerCase(Locale.ROOT), k));
        }
        String mapped = out.toString();
        return MAC ? mapped : mapped.replace("Meta", "Control");
    }
}
