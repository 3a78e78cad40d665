package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.PromptTemplate;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatClient;
import dev.gauntlet.llm.LlmException;
import dev.gauntlet.llm.LlmSettings;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

    /** Returns how many of the last screenshots to show: {@code judge.screenshots}, else the judge's protocol's. */
    static int screenshots(Config config, int protocol) {
        Integer k = Settings.JUDGE_SCREENSHOTS.read(config);
        return k == null ? protocol : k;
    }

    /**
     * Returns the verdict for a reply with no readable verdict: as the judge's published script counts it (a failure
     * when {@code upstreamFails}, else no verdict), or always unscored with {@code judge.unreadable=unscored}.
     */
    static Verdict unreadable(JudgeCall call, Config config, String problem, boolean upstreamFails,
                              Map<String, Object> more) {
        if (!upstreamFails || Settings.JUDGE_UNREADABLE.read(config) == Settings.Unreadable.UNSCORED) {
            return call.unscored(problem);
        }
        Map<String, Object> evidence = new LinkedHashMap<>(more);
        evidence.put("unreadable", true);
        return call.failure(0.0, "judge: unreadable reply, a failure as the published script counts it (" + problem
                + ")", "", evidence);
    }

    /**
     * Returns a section of the user's template ({@code setting}) filled with {@code values}, or our own wording,
     * filled the same way, when no template is configured or it leaves the section out.
     */
    static String prompt(Config config, Setting<PromptTemplate> setting, String section, String ours,
                         Map<String, String> values) {
        PromptTemplate template = setting.read(config);
        return Optional.ofNullable(template).flatMap(t -> t.section(section, values))
                .orElseGet(() -> PromptTemplate.fill(ours, values));
    }
}
