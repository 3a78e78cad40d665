package dev.gauntlet.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BrowserGym's function-call grammar ({@code click('12')}, {@code fill('7', 'hello')},
 * {@code select_option('3', ['a', 'b'])}, {@code scroll(0, 200)}, {@code send_msg_to_user('42')}), the form
 * {@link Action#toString()} writes. Text around the call (code fences, a sentence of reasoning) is ignored.
 */
final class BrowserGymGrammar implements ActionGrammar {

    static final BrowserGymGrammar INSTANCE = new BrowserGymGrammar();

    private static final Pattern CALL = Pattern.compile("([a-z_]+)\\s*\\(");

    private BrowserGymGrammar() {}

    @Override
    public String name() {
        return "browsergym";
    }

    @Override
    public String instructions() {
        return """
                Actions (element ids are the numbers in [brackets] of the page text):
                click('12')                      click an element
                dblclick('12')                   double-click an element
                hover('12')                      move the mouse over an element
                fill('7', 'text')                replace the text of an input
                type('7', 'text')                type text key by key
                select_option('3', 'option')     choose an option of a select
                press('7', 'Enter')              press keys in an element (Control+a, Tab, ...)
                keyboard_press('Enter')          press keys on the page
                scroll(0, 300)                   scroll the page by pixels (dx, dy)
                mouse_click(120, 300)            click at viewport coordinates
                goto('http://...')               open a URL
                go_back()  go_forward()          browser history
                new_tab()  tab_focus(1)  tab_close()
                noop()                           wait
                send_msg_to_user('answer')       finish, with the answer when the task asks for one
                report_infeasible('reason')      finish: the task cannot be done""";
    }

    @Override
    public String example() {
        return "click('12')";
    }

    @Override
    public Action parse(String text) {
        if (text == null || text.isBlank()) {
            return new Action.Invalid(String.valueOf(text), "empty output");
        }
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                continue;
            }
            try {
                Args args = new Args(text, m.end());
                List<Object> values = args.readAll();
                return build(name, values);
            } catch (IllegalArgumentException e) {
                return new Action.Invalid(text, name + ": " + e.getMessage());
            }
        }
        return new Action.Invalid(text, "no action call found (expected e.g. click('12'))");
    }

    private static final List<String> KNOWN = List.of("click", "dblclick", "hover", "fill", "type", "type_at_caret",
            "select_option", "press", "keyboard_press", "scroll", "scroll_element", "mouse_click", "goto", "go_back",
            "go_forward", "new_tab", "tab_focus", "tab_close", "noop", "send_msg_to_user", "answer", "stop",
            "report_infeasible");

    private static Action build(String name, List<Object> a) {
        return switch (name) {
            case "click" -> new Action.Click(str(a, 0, name));
            case "dblclick" -> new Action.DoubleClick(str(a, 0, name));
            case "hover" -> new Action.Hover(str(a, 0, name));
            case "fill" -> new Action.Fill(str(a, 0, name), str(a, 1, name));
            case "type" -> new Action.Type(str(a, 0, name), str(a, 1, name));
            case "type_at_caret" -> new Action.TypeAtCaret(str(a, 0, name), str(a, 1, name),
                    a.size() < 3 || flag(a, 2));
            case "select_option" -> new Action.Select(str(a, 0, name), options(a, name));
            case "press" -> new Action.Press(str(a, 0, name), str(a, 1, name));
            case "keyboard_press" -> new Action.Press(null, str(a, 0, name));
            case "scroll" -> new Action.Scroll(null, num(a, 0, name), num(a, 1, name));
            case "scroll_element" -> new Action.Scroll(str(a, 0, name), num(a, 1, name), num(a, 2, name));
            case "mouse_click" -> new Action.ClickAt(num(a, 0, name), num(a, 1, name));
            case "goto" -> new Action.Goto(str(a, 0, name));
            case "go_back" -> new Action.Back();
            case "go_forward" -> new Action.Forward();
            case "new_tab" -> new Action.NewTab(a.isEmpty() ? null : str(a, 0, name));
            case "tab_focus" -> new Action.FocusTab((int) num(a, 0, name));
            case "tab_close" -> new Action.CloseTab();
            case "noop" -> new Action.Noop(a.isEmpty() ? 0 : (long) num(a, 0, name));
            case "report_infeasible" -> new Action.Answer("N/A");
            default -> new Action.Answer(a.isEmpty() ? "" : String.valueOf(a.get(0))); // send_msg_to_user, answer, stop
        };
    }

    private static String str(List<Object> a, int i, String name) {
        if (a.size() <= i) {
            throw new IllegalArgumentException("missing argument " + (i + 1));
        }
        Object v = a.get(i);
        if (v instanceof List<?>) {
            throw new IllegalArgumentException("argument " + (i + 1) + " must be a string, not a list");
        }
        return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
    }

    private static double num(List<Object> a, int i, String name) {
        if (a.size() <= i) {
            throw new IllegalArgumentException("missing argument " + (i + 1));
        }
        Object v = a.get(i);
        if (v instanceof Double d) {
            return d;
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument " + (i + 1) + " must be a number, got " + v);
        }
    }

    /** Reads a Python boolean ({@code True}, {@code False}) or a 0/1 flag. */
    private static boolean flag(List<Object> a, int i) {
        return switch (String.valueOf(a.get(i)).toLowerCase(Locale.ROOT)) {
            case "true", "1", "1.0" -> true;
            case "false", "0", "0.0" -> false;
            default -> throw new IllegalArgumentException("argument " + (i + 1) + " must be True or False, got "
                    + a.get(i));
        };
    }

    private static List<String> options(List<Object> a, String name) {
        if (a.size() < 2) {
            throw new IllegalArgumentException("missing argument 2");
        }
        if (a.get(1) instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(str(a, 1, name));
    }

    /** Reads Python-like literals up to the closing parenthesis. */
    private static final class Args {
        private final String s;
        private int i;

        Args(String s, int start) {
            this.s = s;
            this.i = start;
        }

        List<Object> readAll() {
            List<Object> out = new ArrayList<>();
            skipSpace();
            if (peek() == ')') {
                return out;
            }
            while (true) {
                skipSpace();
                // keyword arguments (button='left') are accepted and their names dropped
                int save = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                skipSpace();
                if (i > save && peek() == '=' && !Character.isDigit(s.charAt(save))) {
                    i++;
                } else {
                    i = save;
                }
                skipSpace();
                out.add(value());
                skipSpace();
                char c = next();
                if (c == ')') {
                    return out;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected ',' or ')' at position " + (i - 1));
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (peek() == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    skipSpace();
                    list.add(value());
                    skipSpace();
                    char d = next();
                    if (d == ']') {
                        return list;
                    }
                    if (d != ',') {
                        throw new IllegalArgumentException("expected ',' or ']' in list");
                    }
                }
            }
            int start = i;
            while (i < s.length() && "),]".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i).trim();
            if (word.isEmpty()) {
                throw new IllegalArgumentException("missing value at position " + start);
            }
            if (word.equals("None")) {
                return null;
            }
            try {
                return Double.parseDouble(word);
            } catch (NumberFormatException e) {
                return word; // bare word, e.g. click(12a)
            }
        }

        private String string() {
            char quote = next();
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = next();
                if (c == '\\' && i < s.length()) {
                    char e = next();
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else if (c == quote) {
                    return sb.toString();
                } else {
                    sb.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated string");
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of text");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }
    }
}
