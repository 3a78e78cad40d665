package dev.gauntlet.api;

import java.util.Map;

/**
 * An evaluator's judgement of one episode.
 *
 * @param evaluator   the evaluator's name
 * @param outcome     success, failure, or unscored (could not be judged)
 * @param score       the benchmark's native score (MiniWoB reward, WebShop reward in 0..1, WebArena 0/1)
 * @param explanation why, in a sentence a user can act on (becomes the test's failure message)
 * @param evidence    what the verdict rests on (values read from the page, the judge's reasoning, digests)
 * @param usage       tokens and cost spent to reach it
 */
public record Verdict(String evaluator, Outcome outcome, double score, String explanation,
                      Map<String, Object> evidence, Usage usage) {

    /** The closed set of outcomes. */
    public enum Outcome { SUCCESS, FAILURE, UNSCORED }

    public Verdict {
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        usage = usage == null ? Usage.NONE : usage;
        explanation = explanation == null ? "" : explanation;
    }

    public static Verdict success(String evaluator, double score, String explanation, Map<String, Object> evidence) {
        return new Verdict(evaluator, Outcome.SUCCESS, score, explanation, evidence, Usage.NONE);
    }

    public static Verdict failure(String evaluator, double score, String explanation, Map<String, Object> evidence) {
        return new Verdict(evaluator, Outcome.FAILURE, score, explanation, evidence, Usage.NONE);
    }

    public static Verdict unscored(String evaluator, String why) {
        return new Verdict(evaluator, Outcome.UNSCORED, Double.NaN, why, Map.of(), Usage.NONE);
    }

    public boolean success() {
        return outcome == Outcome.SUCCESS;
    }
}
