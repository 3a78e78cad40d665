package dev.gauntlet.suites.miniwob;

import dev.gauntlet.api.Verdict;
import dev.gauntlet.suites.miniwob.MiniWobOracle.RewardRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reward rules, each as its source defines it (miniwob/reward.py of the gym; BrowserGym's MiniWoB task). */
class MiniWobRewardTests {

    private static Verdict judge(RewardRule rule, boolean done, double raw, double timeScaled) {
        return MiniWobOracle.judge(rule, 0.5, done, raw, timeScaled, "", done ? "done" : "max-steps");
    }

    @Test
    void binaryIsPlusOneForAFullRawRewardElseMinusOne() {
        // get_binary_reward: 1.0 if raw_reward == 1.0 else -1.0
        assertEquals(1.0, judge(RewardRule.BINARY, true, 1.0, 0.8).score());
        assertEquals(Verdict.Outcome.SUCCESS, judge(RewardRule.BINARY, true, 1.0, 0.8).outcome());
        assertEquals(-1.0, judge(RewardRule.BINARY, true, 0.4, 0.3).score());
        assertEquals(-1.0, judge(RewardRule.BINARY, true, -1.0, -1.0).score());
        assertEquals(Verdict.Outcome.FAILURE, judge(RewardRule.BINARY, true, 0.4, 0.3).outcome());
    }

    @Test
    void rawIsBrowserGymsPositiveRawReward() {
        // BrowserGym: reward = 1 if raw > 0 else 0, so a partial 0.1 is a success
        assertEquals(1.0, judge(RewardRule.RAW, true, 0.1, 0.05).score());
        assertEquals(Verdict.Outcome.SUCCESS, judge(RewardRule.RAW, true, 0.1, 0.05).outcome());
        assertEquals(0.0, judge(RewardRule.RAW, true, -1.0, -1.0).score());
    }

    @Test
    void timeIsTheGymsOriginalTimeScaledReward() {
        assertEquals(0.8, judge(RewardRule.TIME, true, 1.0, 0.8).score());
        assertEquals(Verdict.Outcome.SUCCESS, judge(RewardRule.TIME, true, 1.0, 0.8).outcome());
        assertEquals(Verdict.Outcome.FAILURE, judge(RewardRule.TIME, true, -1.0, -1.0).outcome());
    }

    @Test
    void thresholdedIsPlusOneAtOrAboveTheThreshold() {
        // get_thresholded_reward: 1.0 if raw_reward >= threshold else -1.0 (threshold 0.5 here)
        assertEquals(1.0, judge(RewardRule.THRESHOLDED, true, 0.5, 0.4).score());
        assertEquals(Verdict.Outcome.SUCCESS, judge(RewardRule.THRESHOLDED, true, 0.5, 0.4).outcome());
        assertEquals(-1.0, judge(RewardRule.THRESHOLDED, true, 0.49, 0.4).score());
    }

    @Test
    void anEpisodeThatDidNotEndScoresZeroUnderEveryRule() {
        for (RewardRule rule : RewardRule.values()) {
            Verdict v = judge(rule, false, 0, 0);
            assertEquals(0.0, v.score(), rule.name());
            assertEquals(Verdict.Outcome.FAILURE, v.outcome(), rule.name());
        }
    }
}
