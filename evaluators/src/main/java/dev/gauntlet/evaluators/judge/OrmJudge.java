package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * WebRL's outcome reward model used as a judge (Qi et al., 2025): the task, the actions and the final page's HTML;
 * the model answers YES or NO, and the verdict's score is P(YES) = p(YES) / (p(YES) + p(NO)) read from the first
 * token's top logprobs. Success when P(YES) reaches {@code judge.orm.threshold}. A server that returns no logprobs
 * falls back to the answer's word (P = 1 or 0), noted in the evidence.
 */
public final class OrmJudge extends LlmJudge {

    static final String SYSTEM = """
            You are an expert in evaluating the performance of a web navigation agent. You receive the user's \
            instruction, the actions the agent took, and the HTML of the page where it stopped. Decide whether the \
            agent completed the instruction: the final page or the agent's final message must show the goal reached.
            Answer with a single word: YES or NO.""";

    static final String USER = "Instruction: {task}\n\nActions:\n{actions}\nFinal message: {answer}\n\nFinal URL: {url}"
            + "\n\nFinal page HTML:\n{html}\n\nDid the agent complete the instruction? Answer YES or NO.";

    @Override
    public String name() {
        return "orm";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) {
        double threshold = threshold(c);
        Map<String, String> values = Map.of("task", JudgeInputs.task(t), "actions", JudgeInputs.actions(t),
                "answer", JudgeInputs.answer(t), "url", t.finalUrl(), "html", JudgeInputs.finalHtml(t, c));
        String system = prompt(c.config(), Settings.JUDGE_ORM_PROMPT, "system", SYSTEM, values);
        String text = prompt(c.config(), Settings.JUDGE_ORM_PROMPT, "user", USER, values);
        call.input("prompt", system + "\n" + text);
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(system), ChatMessage.user(text))
                .withLogprobs(5).withMaxTokens(3).withTemperature(0));
        OptionalDouble p = probabilityOfYes(r);
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("threshold", threshold);
        double pYes;
        if (p.isPresent()) {
            pYes = p.getAsDouble();
            more.put("source", "logprobs");
        } else {
            VerdictParser.Parsed word = VerdictParser.yesNo(r.text());
            if (word.success() == null) {
                return call.unscored("no YES/NO logprobs and " + word.problem());
            }
            pYes = word.success() ? 1.0 : 0.0;
            more.put("source", "text (the server returned no logprobs)");
        }
        more.put("p_yes", pYes);
        String why = String.format(Locale.ROOT, "judge: P(YES) = %.3f (threshold %.2f)", pYes, threshold);
        return pYes >= threshold ? call.success(pYes, why, r.text().strip(), more)
                : call.failure(pYes, why, r.text().strip(), more);
    }

    /** Returns p(YES) / (p(YES) + p(NO)) from the first position listing either, or empty when none does. */
    static OptionalDouble probabilityOfYes(ChatResponse r) {
        OptionalDouble yes = r.probabilityOf("YES");
        OptionalDouble no = r.probabilityOf("NO");
        if (yes.isEmpty() && no.isEmpty()) {
            return OptionalDouble.empty();
        }
        double y = yes.orElse(0);
        double n = no.orElse(0);
        return y + n == 0 ? OptionalDouble.of(0) : OptionalDouble.of(y / (y + n));
    }

    private static double threshold(EvaluationContext c) {
        String raw = c.config().get(Constants.JUDGE_ORM_THRESHOLD, Constants.JUDGE_ORM_THRESHOLD_DEFAULT);
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new dev.gauntlet.api.ConfigException(Constants.JUDGE_ORM_THRESHOLD, raw, "a number between 0 and 1");
        }
    }
}
