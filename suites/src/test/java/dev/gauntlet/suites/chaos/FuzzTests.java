package dev.gauntlet.suites.chaos;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Settings;
import dev.gauntlet.suite.Suite;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzz (issue 15 item 5): 1,000 configuration values and 1,000 agent outputs per action grammar. Each gives a clear
 * error (a one-line {@link ConfigException} naming the key, an invalid action with its reason) and nothing crashes. The inputs
 * come from fixed seeds: a failure names the input, and the same run reproduces it.
 */
class FuzzTests {

    private static final int N = 1000;

    @Test
    void malformedConfigurationValuesAreOneLineErrorsNamingTheKey() {
        Mutations m = new Mutations(16);
        List<Setting<?>> settings = new ArrayList<>(Settings.ALL);
        ServiceLoader.load(Suite.class).forEach(s -> settings.addAll(s.settings()));
        List<String> values = List.of("", " ", "-1", "1e309", "NaN", "abc", "\u221e", "x".repeat(10_000), "1/0",
                "0/3", "3/2", "..", "1..", "a,,b", "\u0000", "true ", "TRUE", "0x10", "+5", "2147483648", "-0", "%s",
                "${HOME}", "'", "\"", "*", "!", "1,2,", "off");
        int errors = 0;
        for (int i = 0; i < N; i++) {
            Setting<?> s = settings.get(i % settings.size());
            String value = m.nextInt(3) == 0 ? m.mutate(values.get(m.nextInt(values.size())))
                    : values.get(m.nextInt(values.size()));
            try {
                s.read(Config.of(Map.of(s.key(), value)));
            } catch (ConfigException e) {
                assertTrue(e.getMessage().contains(s.key()) && !e.getMessage().contains("\n"),
                        "'" + s.key() + "' = '" + shorten(value) + "': " + e.getMessage());
                errors++;
            } catch (RuntimeException e) {
                fail("'" + s.key() + "' = '" + shorten(value) + "' crashed its reading: " + e, e);
            }
        }
        assertTrue(errors > 0);
        assertEquals(Settings.validate(Config.of(Map.of("gauntlet.workers", "many")), Settings.ALL).size(), 1);
    }

    @Test
    void malformedAgentOutputsAreInvalidActionsWithAReasonNeverACrash() {
        List<ActionGrammar> grammars = new ArrayList<>();
        for (String name : List.of("browsergym", "webarena", "webarena-lenient", "webshop")) {
            grammars.add(ActionGrammar.named(name));
        }
        ServiceLoader.load(ActionGrammar.class).forEach(grammars::add);
        List<String> valid = List.of("click('12')", "fill('5', 'hello, \"you\"')", "goto('http://127.0.0.1:1/x')",
                "send_msg_to_user('42')", "scroll(0, 200)", "In summary, the next action I will perform is "
                        + "```type [7] [Ann] [0]```", "```stop [done]```", "search[red socks]", "click[buy now]",
                "Click [3]", "Type [2]; lentil chili", "ANSWER; 412", "Scroll [WINDOW]; down", "CLICK [12]",
                "TYPE [3] [hello]");
        for (ActionGrammar g : grammars) {
            Mutations m = new Mutations(g.name().hashCode());
            int invalid = 0;
            for (int i = 0; i < N; i++) {
                String output = m.mutate(valid.get(m.nextInt(valid.size())));
                Action a;
                try {
                    a = g.parse(output);
                    assertNotNull(a, g.name() + " returned no action for '" + shorten(output) + "'");
                    assertNotNull(a.toString());
                } catch (RuntimeException | StackOverflowError e) {
                    fail("grammar " + g.name() + " crashed on '" + shorten(output) + "': " + e, e);
                    return;
                }
                if (a instanceof Action.Invalid inv) {
                    assertFalse(inv.reason().isBlank(), g.name() + ": no reason for '" + shorten(output) + "'");
                    invalid++;
                }
            }
            assertTrue(invalid > N / 10, g.name() + " took almost every malformed output: " + invalid + " invalid");
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
