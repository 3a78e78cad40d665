package dev.gauntlet.evaluators.webarena;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Evaluator;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.LlmException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebArena's oracle: runs the task's eval_types in the config's order (program_html may navigate the page, which
 * later types then see, as upstream) and multiplies their scores; success iff the product is 1.
 *
 * <p>Oracle data, written by the WebArena suites: {@code eval} (the task's eval block as JSON, placeholders
 * resolved), {@code intent}, {@code dialect} ({@code webarena} or {@code lite}) and {@code urls} (JSON object of site
 * name to base URL). A fuzzy_match with no judge configured leaves the task unscored (not passed, not failed) unless
 * another type already scored 0. An unknown eval type, locator, approach or {@code func:} helper throws, which
 * reports that task broken with the name.
 */
public final class WebArenaEvaluator implements Evaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the names of the {@code func:} helpers of program_html this evaluator implements. */
    public static java.util.Set<String> helpers() {
        return SiteFunctions.HELPERS;
    }

    @Override
    public String name() {
        return "webarena";
    }

    @Override
    public String oracleType() {
        return "webarena";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) throws IOException {
        Map<String, Object> data = trajectory.task().oracle().data();
        Dialect dialect = Dialect.of(String.valueOf(data.getOrDefault("dialect", "webarena")));
        JsonNode eval = JSON.readTree(String.valueOf(data.get("eval")));
        Map<String, String> urls = JSON.readValue(String.valueOf(data.getOrDefault("urls", "{}")),
                new TypeReference<Map<String, String>>() {});
        String intent = String.valueOf(data.getOrDefault("intent", trajectory.task().instruction()));
        FuzzyJudge judge = new FuzzyJudge(context.config());
        List<Part> parts = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        String judgeError = null;
        for (JsonNode typeNode : eval.path("eval_types")) {
            String type = typeNode.asText();
            try {
                parts.add(switch (type) {
                    case "string_match" -> StringMatch.score(eval, trajectory.answer(), intent, dialect, judge);
                    case "url_match" -> UrlMatch.score(eval,
                            context.page().map(Page::url).orElse(trajectory.finalUrl()), dialect);
                    case "program_html" -> {
                        Page page = context.page().orElseThrow(() ->
                                new IllegalStateException("program_html needs the live page"));
                        yield ProgramHtml.score(eval, page, new SiteFunctions(page, urls, context.config()), intent,
                                dialect, judge);
                    }
                    default -> throw new IllegalArgumentException("unknown eval type '" + type + "'");
                });
            } catch (NeedsJudgeException e) {
                pending.add(type);
            } catch (LlmException | IllegalStateException e) {
                if (e instanceof IllegalStateException && !e.getMessage().startsWith("the judge")) {
                    throw e;
                }
                judgeError = type + ": " + e.getMessage();
            }
        }
        double score = 1.0;
        List<String> explanations = new ArrayList<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (Part p : parts) {
            score *= p.score();
            explanations.add(p.explanation());
            evidence.put(p.type(), p.evidence());
        }
        evidence.put("dialect", dialect.name().toLowerCase());
        evidence.put("scores", parts.stream().map(p -> p.type() + "=" + p.score()).toList());
        if (!judge.replies().isEmpty()) {
            evidence.put("judge_replies", judge.replies());
        }
        String text = String.join("; ", explanations);
        if (score == 0) {
            return new Verdict(name(), Verdict.Outcome.FAILURE, 0.0, text, evidence, judge.usage());
        }
        if (judgeError != null) {
            return new Verdict(name(), Verdict.Outcome.UNSCORED, Double.NaN, "the judge failed: " + judgeError,
                    evidence, judge.usage());
        }
        if (!pending.isEmpty()) {
            evidence.put("needs_judge", pending);
            return new Verdict(name(), Verdict.Outcome.UNSCORED, Double.NaN, FuzzyJudge.NEEDS, evidence,
                    judge.usage());
        }
        return score == 1 ? new Verdict(name(), Verdict.Outcome.SUCCESS, 1.0, text, evidence, judge.usage())
                : new Verdict(name(), Verdict.Outcome.FAILURE, score, text, evidence, judge.usage());
    }
}
