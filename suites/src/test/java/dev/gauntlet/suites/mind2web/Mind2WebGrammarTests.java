package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The plain Mind2Web grammar: an operation and a candidate id, as agents name them. */
class Mind2WebGrammarTests {

    private final ActionGrammar grammar = ActionGrammar.named("mind2web");

    @Test
    void readsClickTypeAndSelectOnACandidateId() {
        assertEquals(new Action.Click("136"), grammar.parse("CLICK [136]"));
        assertEquals(new Action.Type("7", "New York"), grammar.parse("Thought: type the city.\nTYPE [7] [New York]"));
        assertEquals(new Action.Select("9", List.of("2 guests")), grammar.parse("select [9] [2 guests]"));
    }

    @Test
    void aTypeWithoutValueTypesNothingAndProseIsInvalid() {
        assertEquals(new Action.Type("7", ""), grammar.parse("TYPE [7]"));
        assertInstanceOf(Action.Invalid.class, grammar.parse("I would click the search button"));
        assertInstanceOf(Action.Invalid.class, grammar.parse(""));
    }

    @Test
    void itsExampleParses() {
        assertInstanceOf(Action.Type.class, grammar.parse(grammar.example()));
    }
}
