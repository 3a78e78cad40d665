package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MindAct's multiple-choice answer, read as its evaluation reads it (postprocess_action and postprocess_action_llm in
 * src/action_prediction/metric.py of OSU-NLP-Group/Mind2Web).
 */
class Mind2WebChoiceGrammarTests {

    private final ActionGrammar grammar = ActionGrammar.named("mind2web-choice");

    private static Action.Native answer(String text) {
        return new Action.Native("mind2web-choice", text);
    }

    @Test
    void readsTheLetterTheOperationAndTheValue() {
        assertEquals(answer("B TYPE New York"), grammar.parse("B.\nAction: TYPE\nValue: New York"));
        assertEquals(answer("D CLICK"), grammar.parse("D.\nAction: CLICK"));
        assertEquals(answer("C SELECT 2 adults"), grammar.parse(grammar.example()));
    }

    @Test
    void anAnswerLineWinsOverTheFirstCharacterAsInTheLlmEvaluation() {
        // postprocess_action_llm: re.search("Answer: (A|B|C|D|E|F)"); postprocess_action: text[0]
        assertEquals(answer("C CLICK"), grammar.parse("The search button is option C.\nAnswer: C\nAction: CLICK"));
        assertEquals(answer("T CLICK"), grammar.parse("The search button.\nAction: CLICK"),
                "no Answer: line: the first character, which names no option");
    }

    @Test
    void aMissingOrLowerCaseOperationIsEmptyAndAClickKeepsItsValue() {
        // re.search("Action: (CLICK|SELECT|TYPE)") is case-sensitive; the value is added whatever the operation
        assertEquals(answer("B"), grammar.parse("B.\nAction: click"));
        assertEquals(answer("B Ann"), grammar.parse("B.\nValue: Ann"));
        assertEquals(answer("B CLICK None"), grammar.parse("B.\nAction: CLICK\nValue: None"));
        assertEquals(answer("A"), grammar.parse("A."));
        assertEquals(answer("A"), grammar.parse("   "));
    }

    @Test
    void theAnswerToTheEpisodePredictsTheElementAndTheOperationString() {
        assertEquals(Optional.of(new Prediction("136", "TYPE New York")),
                Prediction.of(answer("136 TYPE New York")));
        assertEquals(Optional.of(new Prediction("136", "")), Prediction.of(answer("136")));
        assertEquals(Optional.empty(), Prediction.of(answer("")), "no option won: nothing predicted");
        // "CLICK None" against the gold "CLICK": {CLICK, None} vs {CLICK} -> precision 1/2, recall 1 -> F1 2/3
        assertEquals(2.0 / 3, OperationF1.of(Prediction.of(answer("136 CLICK None")).orElseThrow().operation(),
                "CLICK"), 1e-9);
    }
}
