package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Config;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code check} command: one answer against one task, the verdict and why. Committed fixture cases (a config
 * written here in upstream's format) cover each rule it decides; with {@code -Dgauntlet.check.webarena=PATH} and
 * {@code -Dgauntlet.check.webarena-lite=PATH} it also runs over every task of the real configs with each task's own
 * reference answer and URL (skipped otherwise).
 */
class WebArenaCheckTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path fixture() throws Exception {
        return Path.of(WebArenaCheckTests.class.getResource("check-fixture.json").toURI());
    }

    private record Outcome(AnswerCheck.Result result, String text) {}

    private static Outcome check(String suite, Path config, String task, String answer, String url) throws Exception {
        List<String> args = new ArrayList<>(List.of("--suite", suite, "--config", config.toString(), "--task", task,
                "--answer", answer));
        if (url != null) {
            args.addAll(List.of("--url", url));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnswerCheck.Result r = AnswerCheck.run(AnswerCheck.parse(args), Config.of(Map.of("llm.cache_dir", "off")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Outcome(r, bytes.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} task {1} ''{2}'' -> {4}")
    @CsvSource(delimiter = '|', value = {
            // must_include with one one-character reference: NLTK tokens (evaluators.py must_include, tokenize=True)
            "webarena      | 1 | You placed 3 orders.       |                                    | PASS",
            "webarena      | 1 | You placed 13 orders       |                                    | FAIL",
            "webarena      | 1 | 3/4 of them                |                                    | FAIL",
            // Lite: the '/' pieces of each token count (VAB-WebArena-Lite must_include)
            "webarena-lite | 1 | 3/4 of them                |                                    | PASS",
            "webarena      | 6 | 5/12/2023                  |                                    | FAIL",
            "webarena-lite | 6 | 5/12/2023                  |                                    | PASS",
            // exact_match: strip, one pair of quotes, lower case (clean_answer); Lite does not strip
            "webarena      | 2 | '  \"lemon fizz\" '          |                                    | PASS",
            "webarena      | 2 | Lemon Fizz soda            |                                    | FAIL",
            // url_match: host+path contained, every reference query key present (URLEvaluator)
            "webarena      | 3 | x                          | __SHOPPING__/checkout/cart/?view=full&x=1 | PASS",
            "webarena      | 3 | x                          | __SHOPPING__/checkout/cart/?view=mini | FAIL",
            // fuzzy_match needs a judge; an exact N/A needs none (its reason check would)
            "webarena      | 4 | 12 minutes                 |                                    | UNDECIDED",
            "webarena      | 7 | N/A                        |                                    | PASS",
            "webarena      | 7 | it is sold out             |                                    | UNDECIDED",
            // program_html reads the live site
            "webarena      | 5 | done                       |                                    | UNDECIDED",
    })
    void fixtureCases(String suite, String task, String answer, String url, AnswerCheck.Result expected) throws Exception {
        Outcome o = check(suite.strip(), fixture(), task.strip(), answer.strip(), url == null ? null : url.strip());
        assertEquals(expected, o.result(), o.text());
        assertTrue(o.text().contains("verdict: " + expected), o.text());
    }

    @Test
    void itSaysWhyAndWhatItCouldNotCheck() throws Exception {
        Outcome fail = check("webarena", fixture(), "1", "13 orders", null);
        assertTrue(fail.text().contains("string_match=0.0") && fail.text().contains("missing '3'"), fail.text());
        Outcome judge = check("webarena", fixture(), "4", "12 minutes", null);
        assertTrue(judge.text().contains("needs a judge for fuzzy_match"), judge.text());
        Outcome page = check("webarena", fixture(), "5", "done", null);
        assertTrue(page.text().contains("program_html needs the live page"), page.text());
    }

    @Test
    void badArgumentsAreOneLineNamingTheProblem() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> AnswerCheck.parse(List.of("--suite", "webshop",
                "--config", "x", "--task", "1", "--answer", "a")));
        assertEquals("--suite is 'webshop' but must be webarena or webarena-lite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AnswerCheck.parse(List.of("--suite", "webarena")));
        assertEquals("--config is missing", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> check("webarena", fixture(), "99", "a", null));
        assertTrue(e.getMessage().startsWith("task 99 is not in"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"webarena", "webarena-lite"})
    void everyTaskOfTheRealConfigAcceptsItsOwnReferences(String suite) throws Exception {
        String key = "gauntlet.check." + suite;
        String value = Optional.ofNullable(System.getProperty(key))
                .orElse(System.getenv("GAUNTLET_CHECK_" + suite.toUpperCase().replace('-', '_')));
        Assumptions.assumeTrue(value != null && !value.isBlank(), "no upstream " + suite + " config given (-D" + key
                + "=PATH)");
        Path config = Path.of(value);
        Map<String, Integer> tally = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode t : JSON.readTree(config.toFile())) {
            String id = t.path("task_id").asText();
            JsonNode eval = t.path("eval");
            String answer = WebArenaUpstreamConfigTests.referenceAnswer(eval.path("reference_answers"),
                    suite.equals("webarena-lite"));
            String url = WebArenaUpstreamConfigTests.firstAlternative(eval.path("reference_url").asText(""));
            Outcome o;
            try {
                o = check(suite, config, id, answer, url.isEmpty() ? null : url);
            } catch (IllegalArgumentException e) {
                tally.merge("rejected (upstream asserts too)", 1, Integer::sum);
                continue;
            }
            tally.merge(o.result().toString(), 1, Integer::sum);
            boolean needsMore = eval.path("eval_types").toString().contains("program_html")
                    || (eval.path("reference_answers").has("fuzzy_match")
                    && !eval.path("reference_answers").path("fuzzy_match").asText("").equals("N/A"));
            if (o.result() != (needsMore ? AnswerCheck.Result.UNDECIDED : AnswerCheck.Result.PASS)) {
                wrong.add(id + ": " + o.text());
            }
        }
        System.out.println("[check] " + suite + " own references: " + tally);
        assertEquals(List.of(), wrong);
    }
}
