package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.BrowserPage;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.LlmException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebArena's oracle for one task: runs the task's eval_types in the config's order (program_html may navigate the
 * page, which later types then see, as upstream) and multiplies their scores; success iff the product is 1.
 *
 * <p>A fuzzy_match with no judge configured leaves the task unscored (not passed, not failed) unless another type
 * already scored 0. A judge reply without a verdict, or a judge call that fails, leaves it unscored whatever the other
 * types scored, as upstream drops such a task from the average. An unknown eval type, locator, approach or {@code func:} helper throws, which reports that task
 * broken with the name.
 *
 * @param dialect whose harness's semantics score it (WebArena's or WebArena-Lite's)
 * @param intent  the task's intent (the fuzzy and N/A judges read it)
 * @param eval    the task's {@code eval} block, placeholders resolved to the configured sites
 * @param urls    site name → base URL, for program_html's {@code func:} helpers
 */
public record WebArenaOracle(Dialect dialect, String intent, JsonNode eval, Map<String, String> urls)
        implements Oracle {

    public WebArenaOracle {
        urls = Map.copyOf(urls);
    }

    /** Returns the names of the {@code func:} helpers of program_html this evaluator implements. */
    public static java.util.Set<String> helpers() {
        return SiteFunctions.HELPERS;
    }

    @Override
    public String name() {
        return "webarena";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        FuzzyJudge judge = new FuzzyJudge(context.config());
        List<Part> parts = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        String judgeError = null;
        for (JsonNode typeNode : eval.path("eval_types")) {
            String type = typeNode.asText();
            try {
                parts.add(switch (type) {
                    case "string_match" -> StringMatch.score(eval, EpisodeEnd.scoredAnswer(trajectory), intent, dialect, judge);
                    case "url_match" -> UrlMatch.score(eval,
                            context.page().map(BrowserPage::url).orElse(trajectory.finalUrl()), dialect);
                    case "program_html" -> {
                        Page page = context.page().flatMap(p -> p.unwrap(Page.class)).orElseThrow(() ->
                                new IllegalStateException("program_html needs the live page"));
                        yield ProgramHtml.score(eval, page, new SiteFunctions(page, urls, context.config()), intent,
                                dialect, judge);
                    }
                    default -> throw new IllegalArgumentException("unknown eval type '" + type + "'");
                });
            } catch (NeedsJudgeException e) {
                pending.add(type);
            } catch (NoVerdictException | LlmException e) {
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
        if (judgeError != null) {
            // upstream's assert (or the API error) ends its evaluation and the run loop drops the task from the
            // average, whatever the other checks scored
            return new Verdict(name(), Verdict.Outcome.UNSCORED, Double.NaN, "the judge failed: " + judgeError,
                    evidence, judge.usage());
        }
        if (score == 0) {
            return new Verdict(name(), Verdict.Outcome.FAILURE, 0.0, text, evidence, judge.usage());
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
