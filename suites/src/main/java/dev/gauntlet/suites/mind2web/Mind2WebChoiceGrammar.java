package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MindAct's multiple-choice answer: an option letter ({@code A.} is "None of the above", {@code B.} the first
 * candidate of the question, ...), then {@code Action: CLICK|TYPE|SELECT} and, for TYPE and SELECT,
 * {@code Value: text}. Listed as {@code grammar=mind2web-choice}; the {@code llm} agent asks such questions in rounds
 * (groups of five, winners carried on) and answers the episode with the winner.
 *
 * <p>Read as MindAct's evaluation reads it: the letter is the one after {@code Answer: } when the reply has one (its
 * LLM evaluation), else the reply's first character (its fine-tuned models answer {@code B.} first); the operation
 * is the first {@code Action: } followed by CLICK, SELECT or TYPE (case-sensitive; none gives an empty operation),
 * the value the rest of the first {@code Value: } line; a CLICK with a value keeps it, and the operation F1 then
 * counts it. The parsed action is {@code Action.Native("mind2web-choice", "<letter> <OP value>")}: the letter names an
 * option of the question just asked, which only the asker can turn into an element, so the answer given to the
 * episode is the same form with the element's backend_node_id in place of the letter, and an empty text when no
 * option won.
 */
public final class Mind2WebChoiceGrammar implements ActionGrammar {

    /** The grammar's name, as {@code grammar=} takes it and as its native actions carry it. */
    public static final String NAME = "mind2web-choice";

    private static final Pattern ANSWER = Pattern.compile("Answer: ([A-F])");
    private static final Pattern OP = Pattern.compile("Action: (CLICK|SELECT|TYPE)");
    private static final Pattern VALUE = Pattern.compile("Value: (.*)$", Pattern.MULTILINE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String instructions() {
        return """
                You are shown candidate elements as lettered options. Reply with the letter of the element to act on
                (A. when none of them is right), then the operation on its own line, and for TYPE and SELECT the text
                to type or the option to choose on a third line:
                B.
                Action: TYPE
                Value: the text
                Operations: CLICK (also for hovering and pressing Enter), TYPE, SELECT.""";
    }

    @Override
    public String example() {
        return "C.\nAction: SELECT\nValue: 2 adults";
    }

    @Override
    public Action parse(String text) {
        String reply = text == null ? "" : text.strip();
        Matcher answer = ANSWER.matcher(reply);
        String letter = answer.find() ? answer.group(1) : reply.isEmpty() ? "A" : reply.substring(0, 1);
        Matcher op = OP.matcher(reply);
        Matcher value = VALUE.matcher(reply);
        String operation = ((op.find() ? op.group(1) : "") + " " + (value.find() ? value.group(1).strip() : "")).strip();
        return new Action.Native(NAME, operation.isEmpty() ? letter : letter + " " + operation);
    }

    /**
     * Returns what an answer to the episode predicts: the element and the {@code "OP value"} string of
     * {@code "<id> <OP value>"}, nothing for an empty answer.
     */
    static java.util.Optional<Prediction> prediction(String nativeText) {
        String t = nativeText == null ? "" : nativeText.strip();
        if (t.isEmpty()) {
            return java.util.Optional.empty();
        }
        String[] parts = t.split("\\s+", 2);
        return java.util.Optional.of(new Prediction(parts[0], parts.length > 1 ? parts[1].strip() : ""));
    }
}
