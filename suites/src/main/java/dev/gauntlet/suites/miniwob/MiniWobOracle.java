package dev.gauntlet.suites.miniwob;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MiniWoB's oracle: the reward the task page computed ({@code WOB_RAW_REWARD_GLOBAL}, {@code WOB_REWARD_GLOBAL}),
 * turned into a score and success by the configured rule, each as its source defines the reward:
 * <ul>
 *   <li>{@code binary} (default, what most papers report; the gym's {@code get_binary_reward}): score +1 if the raw
 *   reward is 1.0, else −1; success iff +1;</li>
 *   <li>{@code raw} (BrowserGym's rule): score 1 if the raw reward is above 0, else 0, so a partial 0.1 counts;</li>
 *   <li>{@code time} (the gym's default, {@code get_original_reward}): score = the time-scaled reward; success iff
 *   it is above 0;</li>
 *   <li>{@code thresholded} (the gym's {@code get_thresholded_reward}): score +1 if the raw reward is at least the
 *   threshold ({@code miniwob.threshold}), else −1; success iff +1.</li>
 * </ul>
 * An episode that did not end scores 0, as every one of the gym's processors gives before {@code done}.
 *
 * @param rule      the reward rule
 * @param threshold the raw reward {@code thresholded} needs
 */
public record MiniWobOracle(RewardRule rule, double threshold) implements Oracle {

    /** How the page's reward becomes success ({@code miniwob.reward}). */
    public enum RewardRule { BINARY, RAW, TIME, THRESHOLDED }

    /** The default rule's oracle. */
    public MiniWobOracle(RewardRule rule) {
        this(rule, 1.0);
    }


    /** The page's episode state: done flag, time-scaled and raw reward, reason (an expression). */
    static final String STATE = "({done: typeof WOB_DONE_GLOBAL !== 'undefined' && WOB_DONE_GLOBAL === true,"
            + " reward: Number(WOB_REWARD_GLOBAL), raw: Number(WOB_RAW_REWARD_GLOBAL),"
            + " reason: WOB_REWARD_REASON === null || WOB_REWARD_REASON === undefined ? '' : String(WOB_REWARD_REASON)})";

    @Override
    public String name() {
        return "miniwob-reward";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        // the final observation's probe holds the state once the episode is done (MiniWobEpisode's probe); before
        // that, or without it, the page is asked
        Map<?, ?> state = context.finalProbe().filter(Map.class::isInstance).map(Map.class::cast)
                .orElseGet(() -> (Map<?, ?>) context.page().orElseThrow(() -> new IllegalStateException(
                        "MiniWoB reward needs the live page")).evaluate("() => " + STATE));
        return judge(rule, threshold, Boolean.TRUE.equals(state.get("done")), number(state.get("raw")),
                number(state.get("reward")), String.valueOf(state.get("reason")), trajectory.stopReason());
    }

    /** Applies the reward rule to the page's values (separate from the page for unit tests). */
    static Verdict judge(RewardRule rule, double threshold, boolean done, double raw, double timeScaled, String reason,
                         String stopReason) {
        String mode = rule.name().toLowerCase(Locale.ROOT);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("done", done);
        evidence.put("raw_reward", raw);
        evidence.put("reward", timeScaled);
        evidence.put("reason", reason);
        evidence.put("rule", mode);
        if (!done) {
            return Verdict.failure("miniwob-reward", 0.0, "the episode did not end (" + stopReason
                    + "); reward 0", evidence).withReward(timeScaled);
        }
        double score;
        boolean success;
        switch (rule) {
            case RAW -> {
                success = raw > 0;
                score = success ? 1 : 0;
            }
            case TIME -> {
                score = timeScaled;
                success = timeScaled > 0;
            }
            case THRESHOLDED -> {
                success = raw >= threshold;
                score = success ? 1 : -1;
                evidence.put("threshold", threshold);
            }
            default -> {
                success = raw == 1.0;
                score = success ? 1 : -1;
            }
        }
        String text = String.format(Locale.ROOT, "raw reward %.2f, time-scaled %.2f%s (rule: %s)", raw, timeScaled,
                reason.isEmpty() ? "" : ", " + reason, mode);
        Verdict v = success ? Verdict.success("miniwob-reward", score, text, evidence)
                : Verdict.failure("miniwob-reward", score, text, evidence);
        return v.withReward(timeScaled);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
