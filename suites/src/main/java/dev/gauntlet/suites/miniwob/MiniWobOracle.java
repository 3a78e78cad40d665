package dev.gauntlet.suites.miniwob;

import dev.gauntlet.api.BrowserPage;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MiniWoB's oracle: the reward the task page computed ({@code WOB_RAW_REWARD_GLOBAL}, {@code WOB_REWARD_GLOBAL}),
 * turned into success by the configured rule:
 * <ul>
 *   <li>{@code binary} (default, what most papers report): success iff the raw reward is 1.0; score = raw reward;</li>
 *   <li>{@code raw} (BrowserGym's rule): success iff the raw reward is above 0, so a partial 0.1 counts;</li>
 *   <li>{@code time} (upstream gym default): score = the time-scaled reward; success iff it is above 0.</li>
 * </ul>
 */
public record MiniWobOracle(RewardRule rule) implements Oracle {

    /** How the page's reward becomes success ({@code miniwob.reward}). */
    public enum RewardRule { BINARY, RAW, TIME }


    private static final String READ = "() => ({done: typeof WOB_DONE_GLOBAL !== 'undefined' && WOB_DONE_GLOBAL === true,"
            + " reward: Number(WOB_REWARD_GLOBAL), raw: Number(WOB_RAW_REWARD_GLOBAL),"
            + " reason: WOB_REWARD_REASON === null || WOB_REWARD_REASON === undefined ? '' : String(WOB_REWARD_REASON)})";

    @Override
    public String name() {
        return "miniwob-reward";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        BrowserPage page = context.page().orElseThrow(() -> new IllegalStateException("MiniWoB reward needs the live page"));
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) page.evaluate(READ);
        return judge(rule.name().toLowerCase(Locale.ROOT), Boolean.TRUE.equals(state.get("done")), number(state.get("raw")),
                number(state.get("reward")), String.valueOf(state.get("reason")), trajectory.stopReason());
    }

    /** Applies the reward rule to the page's values (separate from the page for unit tests). */
    static Verdict judge(String mode, boolean done, double raw, double timeScaled, String reason, String stopReason) {
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
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "raw" -> {
                score = raw;
                success = raw > 0;
            }
            case "time" -> {
                score = timeScaled;
                success = timeScaled > 0;
            }
            default -> {
                score = raw;
                success = raw == 1.0;
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
