package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AgentRewardBench-style text judge (Lù et al., 2025): the goal, each step's URL, action and stated reasoning,
 * and the final page's accessibility tree; the model answers whether the goal was reached and, as evidence, whether
 * there were unintended side effects or loops.
 */
public final class AxTreeJudge extends LlmJudge {

    static final String SYSTEM = """
            You review the trajectory of a web agent. You receive the user's goal, every step the agent took (the \
            URL it was on, the action, and its reasoning when given) and the accessibility tree of the page where \
            it stopped.
            Judge the outcome, not the effort:
            - success: the goal is fully achieved (for a question, the agent's final message answers it correctly);
            - side effects: the agent changed something the user did not ask for;
            - looping: the agent repeated the same actions without progress.
            Answer exactly in this format:
            <reasoning>your reasoning</reasoning>
            <success>yes or no</success>
            <side_effects>yes or no</side_effects>
            <looping>yes or no</looping>""";

    @Override
    public String name() {
        return "axtree";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) {
        String text = "Goal: " + JudgeInputs.task(t) + "\n\nSteps:\n" + JudgeInputs.stepsWithContext(t)
                + "\nFinal message to the user: " + JudgeInputs.answer(t) + "\n\nFinal URL: " + t.finalUrl()
                + "\n\nAccessibility tree of the final page:\n" + JudgeInputs.finalAxtree(t, c);
        call.input("prompt", text);
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(SYSTEM), ChatMessage.user(text)));
        VerdictParser.Parsed p = VerdictParser.tagged(r.text());
        if (p.success() == null) {
            return call.unscored(p.problem());
        }
        Map<String, Object> more = new LinkedHashMap<>();
        VerdictParser.tag(r.text(), "side_effects").ifPresent(v -> more.put("side_effects", v));
        VerdictParser.tag(r.text(), "looping").ifPresent(v -> more.put("looping", v));
        String why = WebVoyagerJudge.brief(p.reasoning());
        return p.success() ? call.success(1.0, "judge: success. " + why, p.reasoning(), more)
                : call.failure(0.0, "judge: failure. " + why, p.reasoning(), more);
    }
}
