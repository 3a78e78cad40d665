package dev.gauntlet.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebArena's grammar, the one its paper's agents speak: {@code click [id]}, {@code type [id] [text] [0|1]},
 * {@code hover [id]}, {@code press [key_comb]}, {@code scroll [down|up]}, {@code new_tab}, {@code tab_focus [index]},
 * {@code close_tab}, {@code goto [url]}, {@code go_back}, {@code go_forward}, {@code stop [answer]}, read from the first
 * {@code ```} fenced block of the output ("In summary, the next action I will perform is ```click [12]```").
 *
 * <p>Two readings: {@code webarena} reads as upstream does ({@link WebArenaUpstreamParser}: a fence is required,
 * names are case-sensitive, ids are digits); {@code webarena-lenient} also takes an unfenced action, any
 * element id, and a {@code stop} answer over several lines. {@link ActionGrammar#WEBARENA_GRAMMAR} picks which one
 * {@code webarena} means in a run.
 *
 * <p>It lives in core, not in the WebArena suite, because agents speak it and agents never depend on suites.
 * {@code type} becomes an {@link Action.TypeAtCaret}, which does what upstream's harness does: click the element, type
 * the text at the caret (appending to what the field holds, never clearing it), then press Enter when the flag is
 * {@code 1} or absent (upstream's default).
 */
final class WebArenaGrammar implements ActionGrammar {

    static final WebArenaGrammar STRICT = new WebArenaGrammar(true);
    static final WebArenaGrammar LENIENT = new WebArenaGrammar(false);

    /** Pixels one {@code scroll [down]} moves: the 720-pixel viewport's height, as upstream's page-wise scroll. */
    static final int SCROLL_PIXELS = 720;

    private static final Pattern FENCE = Pattern.compile("```(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE_FLAG = Pattern.compile("type\\s*\\[(.+?)\\]\\s*\\[(.*)\\]\\s*\\[([01])\\]", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("type\\s*\\[(.+?)\\]\\s*\\[(.*)\\]", Pattern.DOTALL);
    private static final Pattern ONE = Pattern.compile("([a-z_]+)\\s*(?:\\[(.*)\\])?", Pattern.DOTALL);

    private final boolean strict;

    private WebArenaGrammar(boolean strict) {
        this.strict = strict;
    }

    @Override
    public String name() {
        return strict ? "webarena" : "webarena-lenient";
    }

    @Override
    public String instructions() {
        return """
                Actions (element ids are the numbers in [brackets] of the page text):
                click [12]                  click an element
                type [7] [text] [1]         click a field and type text at its cursor; the last flag presses Enter
                                            afterwards (1, the default) or not (0). Typing does not clear the field.
                hover [12]                  move the mouse over an element
                press [Control+a]           press a key combination on the page
                scroll [down]  scroll [up]  scroll the page by one screen
                new_tab                     open a new, empty tab
                tab_focus [1]               switch to the tab with this index
                close_tab                   close the current tab
                goto [http://...]           open a URL in the current tab
                go_back  go_forward         browser history
                stop [answer]               finish; put the answer in the brackets when the task asks for one,
                                            N/A when the task cannot be done, nothing otherwise"""
                + (strict ? "\nWrite the action inside a ``` fenced block, as ```click [12]```; only the first "
                + "fenced block counts." : "");
    }

    @Override
    public String example() {
        return strict ? "```click [12]```" : "click [12]";
    }

    @Override
    public Action parse(String text) {
        return strict ? WebArenaUpstreamParser.parse(text) : lenient(text);
    }

    private static Action lenient(String text) {
        if (text == null || text.isBlank()) {
            return new Action.Invalid(String.valueOf(text), "empty output");
        }
        Matcher fence = FENCE.matcher(text);
        String body = (fence.find() ? fence.group(1) : text).trim();
        if (body.startsWith("type")) {
            Matcher t = TYPE_FLAG.matcher(body);
            boolean flagged = t.matches();
            if (!flagged) {
                t = TYPE.matcher(body);
                if (!t.matches()) {
                    return new Action.Invalid(text, "type needs [id] [text] [0|1]");
                }
            }
            boolean enter = !flagged || t.group(3).equals("1");
            return new Action.TypeAtCaret(t.group(1).trim(), t.group(2), enter);
        }
        Matcher m = ONE.matcher(body);
        if (!m.matches()) {
            return new Action.Invalid(text, "not a WebArena action (expected e.g. click [12] or stop [answer])");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String arg = m.group(2);
        switch (name) {
            case "stop":
                return new Action.Answer(arg == null ? "" : arg);
            case "new_tab":
                return new Action.NewTab(null);
            case "close_tab":
                return new Action.CloseTab();
            case "go_back":
                return new Action.Back();
            case "go_forward":
                return new Action.Forward();
            default:
                break;
        }
        if (arg == null || arg.isBlank()) {
            return new Action.Invalid(text, name + " needs an argument in brackets");
        }
        arg = arg.trim();
        switch (name) {
            case "click":
                return new Action.Click(arg);
            case "hover":
                return new Action.Hover(arg);
            case "press":
                return new Action.Press(null, key(arg));
            case "goto":
                return new Action.Goto(arg);
            case "scroll":
                String dir = arg.toLowerCase(Locale.ROOT);
                if (!dir.equals("down") && !dir.equals("up")) {
                    return new Action.Invalid(text, "scroll takes [down] or [up]");
                }
                return new Action.Scroll(null, 0, dir.equals("down") ? SCROLL_PIXELS : -SCROLL_PIXELS);
            case "tab_focus":
                try {
                    return new Action.FocusTab(Integer.parseInt(arg));
                } catch (NumberFormatException e) {
                    return new Action.Invalid(text, "tab_focus takes a tab index");
                }
            default:
                return new Action.Invalid(text, "unknown action '" + name + "'");
        }
    }

    /** Maps upstream key names ({@code Ctrl+v}, {@code Meta+a}) to Playwright's. */
    private static String key(String comb) {
        StringBuilder out = new StringBuilder();
        for (String k : comb.split("\\+")) {
            String t = k.trim();
            String mapped = switch (t.toLowerCase(Locale.ROOT)) {
                case "ctrl", "control" -> "Control";
                case "cmd", "meta", "command" -> "Meta";
                case "alt", "option" -> "Alt";
                case "shift" -> "Shift";
                case "enter", "return" -> "Enter";
                default -> t;
            };
            out.append(out.length() == 0 ? "" : "+").append(mapped);
        }
        return out.toString();
    }
}
