package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mind2Web's operations in a plain form: {@code CLICK [id]}, {@code TYPE [id] [value]}, {@code SELECT [id] [value]},
 * where the id is a candidate's backend_node_id. The first such line of a reply counts; a missing value reads as
 * {@code ""} (MindAct scores the operation then without one). Listed as {@code grammar=mind2web}.
 */
public final class Mind2WebGrammar implements ActionGrammar {

    private static final Pattern ACTION = Pattern.compile(
            "\\b(CLICK|TYPE|SELECT)\\s*\\[([^\\]\\n]+)](?:[ \\t]*\\[(.*)])?", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "mind2web";
    }

    @Override
    public String instructions() {
        return """
                Each step, answer with one operation on one of the candidate elements, by its id in brackets:
                CLICK [id]            click the element (also for hovering and pressing Enter on it)
                TYPE [id] [text]      type the text into the element
                SELECT [id] [option]  choose the option of the select element""";
    }

    @Override
    public String example() {
        return "TYPE [1342] [New York]";
    }

    @Override
    public Action parse(String text) {
        if (text == null || text.isBlank()) {
            return new Action.Invalid(String.valueOf(text), "empty output");
        }
        Matcher m = ACTION.matcher(text);
        if (!m.find()) {
            return new Action.Invalid(text, "no CLICK [id], TYPE [id] [text] or SELECT [id] [option] in the reply");
        }
        String id = m.group(2).strip();
        String value = m.group(3) == null ? "" : m.group(3);
        return switch (Op.valueOf(m.group(1).toUpperCase(Locale.ROOT))) {
            case CLICK -> new Action.Click(id);
            case TYPE -> new Action.Type(id, value);
            case SELECT -> new Action.Select(id, List.of(value));
        };
    }
}
