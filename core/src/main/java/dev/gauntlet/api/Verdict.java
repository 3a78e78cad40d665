package dev.gauntlet.api;

import java.util.Map;

/**
 * An oracle's or judge's judgement of one episode.
 *
 * @param evaluator   the oracle's or judge's name
 * @param outcome     success, failure, or unscored (could not be judged)
 * @param score       the verdict's score: the reward for oracles (MiniWoB's success score, WebShop's reward in 0..1,
 *                    WebArena's 0/1), 0/1 or a probability for judges
 * @param explanation why, in a sentence a user can act on (becomes the test's failure message)
 * @param evidence    what the verdict rests on (values read from the page, the judge's reasoning, digests), for display
 * @param usage       tokens and cost spent to reach it
 * @param reward      the benchmark's reward as the results file reports it (MiniWoB: the time-scaled reward the page
 *                    computed); equals {@code score} unless the benchmark defines them apart
 */
public record Verdict(String evaluator, Outcome outcome, double score, String explanation,
                      Map<String, Object> evidence, Usage usage, double reward) {

    /** The closed set of outcomes. */
    public enum Outcome { SUCCESS, FAILURE, UNSCORED }

    public Verdict {
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        usage = usage == null ? Usage.NONE : usage;
        explanation = explanation == null ? "" : explanation;
    }

    /** A verdict whose reward is its score. */
    public Verdict(String evaluator, Outcome outcome, double score, String explanation, Map<String, Object> evidence,
                   Usage usage) {
        this(evaluator, outcome, score, explanation, evidence, usage, score);
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

    /** Returns a copy with this reward. */
    public Verdict withReward(double reward) {
        return new Verdict(evaluator, outcome, score, explanation, evidence, usage, reward);
    }

    /** Returns a copy spending {@code usage}. */
    public Verdict withUsage(Usage usage) {
        return new Verdict(evaluator, outcome, score, explanation, evidence, usage, reward);
    }

    public boolean success() {
        return outcome == Outcome.SUCCESS;
    }
}
