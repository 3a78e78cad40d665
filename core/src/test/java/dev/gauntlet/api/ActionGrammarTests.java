package dev.gauntlet.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every grammar promises: found by name, documented, and its documentation written in itself. */
class ActionGrammarTests {

    @Test
    void theBuiltInGrammarsAreFoundByName() {
        assertSame(ActionGrammar.browserGym(), ActionGrammar.named("browsergym"));
        assertSame(ActionGrammar.webArena(), ActionGrammar.named("webarena"));
        assertSame(ActionGrammar.webShop(), ActionGrammar.named("webshop"));
    }

    @Test
    void anUnknownNameIsAConfigurationErrorListingTheAvailableGrammars() {
        ConfigException e = assertThrows(ConfigException.class, () -> ActionGrammar.named("nope"));
        assertEquals("unknown action grammar 'nope'; available: [browsergym, webarena, webarena-lenient, webshop]", e.getMessage());
        assertThrows(ConfigException.class, () -> ActionGrammar.named(null));
    }

    /**
     * Each line of the instructions that starts an action (not the heading, not a continuation) begins with that
     * action written in the grammar, up to the first gap of two spaces; every one of them parses.
     */
    @ParameterizedTest
    @ValueSource(strings = {"browsergym", "webarena", "webarena-lenient", "webshop"})
    void everyActionTheInstructionsShowParsesAndSoDoesTheExample(String name) {
        ActionGrammar grammar = ActionGrammar.named(name);
        assertEquals(name, grammar.name());
        List<String> lines = grammar.instructions().lines().skip(1)
                .filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
        assertTrue(lines.size() >= 5, grammar.instructions());
        for (String line : lines) {
            String shown = line.split(" {2,}")[0];
            if (name.equals("webarena")) {
                if (line.startsWith("Write the action")) {
                    continue;
                }
                shown = "```" + shown + "```"; // upstream's reading needs the fence the instructions ask for
            }
            assertFalse(grammar.parse(shown) instanceof Action.Invalid, name + ": " + shown + " is " + grammar.parse(shown));
        }
        assertFalse(grammar.parse(grammar.example()) instanceof Action.Invalid, grammar.example());
    }

    @ParameterizedTest
    @ValueSource(strings = {"browsergym", "webarena", "webarena-lenient", "webshop"})
    void nothingThrowsEmptyOrNullTextIsInvalidWithAReason(String name) {
        for (String text : new String[] {null, "", "  \n", "I am not sure what to do"}) {
            Action.Invalid invalid = assertInstanceOf(Action.Invalid.class, ActionGrammar.named(name).parse(text));
            assertFalse(invalid.reason().isBlank(), name + ": " + text);
        }
    }
}
