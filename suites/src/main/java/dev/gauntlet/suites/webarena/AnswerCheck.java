package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}: scores one answer (and optionally a final URL) against one task of a WebArena or WebArena-Lite
 * config with the suite's own oracle, and says why. string_match and url_match are decided here; fuzzy_match asks
 * the judge when one is configured ({@code llm.*}); program_html needs the live page and is reported unchecked.
 * Sites that are not configured get a stand-in base URL ({@code http://shopping.invalid}), used for the config's
 * placeholders and for a {@code --url} written with them ({@code __SHOPPING__/checkout}).
 */
final class AnswerCheck {

    /** What the check concluded. */
    enum Result {
        PASS(0), FAIL(1), UNDECIDED(3);

        final int exitCode;

        Result(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    /** The parsed arguments. */
    record Request(String suite, Path config, String taskId, String answer, String url) {}

    static final String USAGE = "usage: check --suite webarena|webarena-lite --config FILE --task ID --answer TEXT "
            + "[--url URL]";

    private AnswerCheck() {}

    static Request parse(List<String> args) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!Set.of("--suite", "--config", "--task", "--answer", "--url").contains(a) || i + 1 >= args.size()) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            v.put(a, args.get(++i));
        }
        for (String required : List.of("--suite", "--config", "--task", "--answer")) {
            if (!v.containsKey(required)) {
                throw new IllegalArgumentException(required + " is missing");
            }
        }
        String suite = v.get("--suite");
        if (!suite.equals("webarena") && !suite.equals("webarena-lite")) {
            throw new IllegalArgumentException("--suite is '" + suite + "' but must be webarena or webarena-lite");
        }
        return new Request(suite, Path.of(v.get("--config")), v.get("--task"), v.get("--answer"), v.get("--url"));
    }

    /** Checks one answer and prints the verdict and why; returns the result. */
    static Result run(Request request, Config config, PrintStream out) throws Exception {
        if (!Files.exists(request.config())) {
            throw new IllegalArgumentException("--config names " + request.config().toAbsolutePath()
                    + ", which does not exist");
        }
        List<String> problems = new ArrayList<>();
        List<WebArenaTaskSpec> specs = new WebArenaConfigLoader((where, what) -> problems.add(where + ": " + what))
                .load(request.config());
        WebArenaTaskSpec spec = specs.stream().filter(s -> Integer.toString(s.taskId()).equals(request.taskId()))
                .findFirst().orElse(null);
        if (spec == null) {
            String why = problems.stream().filter(p -> p.contains("task_id " + request.taskId() + " ")).findFirst()
                    .map(p -> " (" + p + ")").orElse("");
            throw new IllegalArgumentException("task " + request.taskId() + " is not in " + request.config() + why);
        }
        SiteUrls urls = withStandIns(config);
        Dialect dialect = Dialect.of(request.suite().equals("webarena") ? "webarena" : "lite");
        ObjectNode eval = (ObjectNode) WebArenaConfigLoader.JSON.readTree(urls.resolve(spec.eval().raw().toString()));
        ArrayNode checked = WebArenaConfigLoader.JSON.createArrayNode();
        boolean programHtml = false;
        for (JsonNode t : eval.path("eval_types")) {
            if (t.asText().equals("program_html")) {
                programHtml = true;
            } else {
                checked.add(t);
            }
        }
        eval.set("eval_types", checked);
        String url = request.url() == null ? "" : urls.resolve(request.url());
        out.println("task " + spec.taskId() + " (" + request.suite() + "): " + spec.intent());
        out.println("  answer: " + request.answer() + (url.isEmpty() ? "" : "\n  url: " + url));
        if (!eval.path("reference_answers").isNull() && !eval.path("reference_answers").isMissingNode()) {
            out.println("  reference_answers: " + eval.path("reference_answers"));
        }
        if (!eval.path("reference_url").asText("").isEmpty()) {
            out.println("  reference_url: " + eval.path("reference_url").asText());
        }
        Verdict v = null;
        if (!checked.isEmpty()) {
            WebArenaOracle oracle = new WebArenaOracle(dialect, spec.intent(), eval, urls.all());
            Task task = new Task(request.suite(), request.taskId(), spec.intent(), List.of(), Set.of(), oracle,
                    Set.of("*"), 0, Map.of());
            Step stop = new Step(0, url, "", "", new Action.Answer(request.answer()), "", "", 0, 0, 0, "");
            v = oracle.evaluate(new Trajectory(task, 0, "check", List.of(stop), request.answer(), url, "", "answer"),
                    new EvaluationContext(config, Optional.empty(), Path.of(".")));
            for (Object s : (List<?>) v.evidence().getOrDefault("scores", List.of())) {
                out.println("  " + s);
            }
            out.println("  why: " + v.explanation());
        }
        if (programHtml) {
            out.println("  program_html: not checked (it reads the live site; run the task to score it)");
        }
        Result result;
        if (v != null && v.outcome() == Verdict.Outcome.FAILURE) {
            result = Result.FAIL;
        } else if (v != null && v.outcome() == Verdict.Outcome.SUCCESS && !programHtml) {
            result = Result.PASS;
        } else {
            result = Result.UNDECIDED;
        }
        out.println("verdict: " + result + (result == Result.UNDECIDED ? " (" + undecided(v, programHtml) + ")" : ""));
        return result;
    }

    private static String undecided(Verdict v, boolean programHtml) {
        List<String> why = new ArrayList<>();
        if (v != null && v.outcome() == Verdict.Outcome.UNSCORED) {
            why.add(v.explanation());
        }
        if (programHtml) {
            why.add("program_html needs the live page");
        }
        return String.join("; ", why);
    }

    /** The configured site URLs, with {@code http://<site>.invalid} for each site that is not configured. */
    private static SiteUrls withStandIns(Config config) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String site : WebArenaSettings.SITES) {
            String key = WebArenaSettings.urlKey(site);
            values.put(key, config.get(key).orElse(Optional.ofNullable(System.getenv(site.toUpperCase(Locale.ROOT)))
                    .orElse("http://" + site.replace('_', '-') + ".invalid")));
        }
        return SiteUrls.configured(config.with(values));
    }
}
