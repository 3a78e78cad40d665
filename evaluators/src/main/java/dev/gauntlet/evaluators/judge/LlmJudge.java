package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatClient;
import dev.gauntlet.llm.LlmException;
import dev.gauntlet.llm.LlmSettings;

import java.io.IOException;

/**
 * What every judge shares: the model comes from {@code llm.*} with {@code judge.model}, {@code judge.base_url} and
 * {@code judge.api_key_env} winning; any failure to reach the model, read an input or understand the reply ends as
 * an unscored verdict with the cause, so the run goes on.
 */
abstract class LlmJudge implements Judge {

    @Override
    public final Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        ChatClient.Options options;
        try {
            options = LlmSettings.judgeOptions(context.config());
        } catch (ConfigException e) {
            return Verdict.unscored(name(), e.getMessage());
        }
        String missing = LlmSettings.missing(options);
        if (missing != null) {
            return Verdict.unscored(name(), missing);
        }
        JudgeCall call = new JudgeCall(name(), ChatClient.shared(options));
        try {
            return judge(trajectory, context, call);
        } catch (LlmException e) {
            return call.unscored("model call failed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return call.unscored("cannot prepare the judge's inputs: " + e);
        }
    }

    /** Asks the model through {@code call} and turns its reply into a verdict. */
    abstract Verdict judge(Trajectory trajectory, EvaluationContext context, JudgeCall call) throws IOException;

    /** Returns how many of the last screenshots to show ({@code judge.screenshots}). */
    static int screenshots(Config config) {
        return Math.max(0, config.getInt(Constants.JUDGE_SCREENSHOTS, Constants.JUDGE_SCREENSHOTS_DEFAULT));
    }
}
