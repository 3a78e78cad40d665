package dev.gauntlet.suites.chaos;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Settings;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Fuzz (issue 15 item 5): 1,000 generated malformed task files, 1,000 configuration values and 1,000 agent outputs
 * per action grammar. Each gives a clear error (a discovery problem naming file and field, a one-line
 * {@link ConfigException} naming the key or file, an invalid action with its reason) and nothing crashes. The inputs
 * come from fixed seeds: a failure names the input, and the same run reproduces it.
 */
class FuzzTests {

    private static final int N = 1000;

    /** A valid task entry per task-file format, the starting point of the mutations. */
    private record Format(String suite, String key, String file, String valid) {}

    private static final List<Format> FORMATS = List.of(
            new Format("webvoyager", "webvoyager.tasks", "tasks.jsonl", "{\"web_name\": \"Allrecipes\", \"id\": "
                    + "\"Allrecipes--0\", \"ques\": \"Find a recipe.\", \"web\": \"https://www.allrecipes.com/\"}\n"
                    + "{\"web_name\": \"Allrecipes\", \"id\": \"Allrecipes--1\", \"ques\": \"Find two.\", "
                    + "\"web\": \"https://www.allrecipes.com/\"}\n"),
            new Format("online-mind2web", "online_mind2web.tasks", "tasks.json", "[{\"task_id\": \"a1\", "
                    + "\"confirmed_task\": \"Find a flight.\", \"website\": \"https://www.kayak.com/\", "
                    + "\"reference_length\": 5, \"level\": \"easy\"}]"),
            new Format("webarena", "webarena.config", "test.raw.json", "[{\"sites\": [\"shopping\"], \"task_id\": 0, "
                    + "\"require_login\": false, \"storage_state\": null, \"start_url\": \"__SHOPPING__\", "
                    + "\"geolocation\": null, \"intent_template\": \"What is the price of {{item}}?\", "
                    + "\"instantiation_dict\": {\"item\": \"a lamp\"}, \"intent\": \"What is the price of a lamp?\", "
                    + "\"require_reset\": false, \"eval\": {\"eval_types\": [\"string_match\"], \"reference_answers\": "
                    + "{\"exact_match\": \"$24.50\"}, \"reference_url\": \"\", \"program_html\": [], "
                    + "\"string_note\": \"\"}, \"intent_template_id\": 9}]"),
            new Format("webshop", "webshop.goals", "goals.jsonl", "{\"asin\": \"B000000000\", \"instruction_text\": "
                    + "\"buy it\", \"attributes\": [], \"goal_options\": [], \"price_upper\": 50}\n"));

    @TempDir
    Path dir;

    @Test
    void malformedTaskFilesBecomeProblemsOrOneLineErrorsNeverACrash() throws Exception {
        Mutations m = new Mutations(15);
        Map<String, Suite> suites = new java.util.HashMap<>();
        ServiceLoader.load(Suite.class).forEach(s -> suites.put(s.name(), s));
        int problems = 0, refused = 0, loaded = 0;
        for (int i = 0; i < N; i++) {
            Format f = FORMATS.get(i % FORMATS.size());
            String text = m.mutate(f.valid());
            Path file = dir.resolve(i + "-" + f.file());
            Files.write(file, text.getBytes(StandardCharsets.UTF_8)); // a lone surrogate is written as a question mark
            List<String> reported = new ArrayList<>();
            SuiteContext context = new SuiteContext() {
                @Override
                public Config config() {
                    return Config.of(Map.of(f.key(), file.toString()));
                }

                @Override
                public void problem(String where, String message) {
                    reported.add(where + ": " + message);
                }
            };
            try (TaskSet opened = suites.get(f.suite()).open(context)) {
                assertNotNull(opened.tasks());
                loaded++;
            } catch (ConfigException | EnvironmentUnavailableException | java.io.IOException e) {
                // refused: the engine reports it as one error naming the suite (an unreadable file, a parse error)
                String message = e.getMessage();
                assertTrue(message != null && !message.isBlank()
                        && (message.contains(file.getFileName().toString()) || message.contains(f.key())),
                        "input " + i + " (" + f.file() + "): the error names neither file nor key: " + message);
                assertTrue(e instanceof java.io.IOException || !message.contains("\n"),
                        "input " + i + ": a configuration error in one line: " + message);
                refused++;
                continue;
            } catch (Exception | StackOverflowError e) {
                fail("input " + i + " (" + f.file() + ") crashed the suite: " + e + "\n" + shorten(text), e);
            }
            for (String p : reported) {
                assertFalse(p.isBlank() || p.startsWith(": "), "input " + i + ": a problem without its place: " + p);
            }
            problems += reported.isEmpty() ? 0 : 1;
        }
        assertEquals(N, problems + refused + (loaded - problems));
        assertTrue(problems + refused > N / 2, "most inputs are malformed: " + problems + " with problems, "
                + refused + " refused, of " + N);
    }

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
            if (g.name().equals("mind2web-choice")) {
                // MindAct's metric.py reads any reply: the letter after "Answer:" or else the reply's first character,
                // so almost no output is invalid there (the grammar keeps that quirk); it must only never crash
                continue;
            }
            assertTrue(invalid > N / 10, g.name() + " took almost every malformed output: " + invalid + " invalid");
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
