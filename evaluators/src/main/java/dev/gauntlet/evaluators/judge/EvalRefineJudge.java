package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Agent-Eval-Refine's end-to-end evaluator (Pan et al., 2024): the task, the action history, the answer and the
 * last screenshot go to a VLM, which writes its thoughts and {@code Status: success} or {@code Status: failure}.
 */
public final class EvalRefineJudge extends LlmJudge {

    static final String SYSTEM = """
            You are an expert at evaluating web navigation. A user gave a web agent a task; the agent acted in a \
            browser and may have answered. You receive the task, the agent's actions, its final answer and a \
            screenshot of the final page.
            Decide whether the agent achieved the task. If the task asks a question, the answer must be correct and \
            complete. If the task asks for a change (an order, a post, a setting), the final page must show that it \
            happened. Actions that clearly failed or never happened do not count.
            Reply in this format:
            Thoughts: <your reasoning, a few sentences>
            Status: success or failure""";

    @Override
    public String name() {
        return "eval-refine";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) throws IOException {
        List<JudgeInputs.Shot> last = JudgeInputs.lastScreenshots(t, c, 1);
        String text = "User task: " + JudgeInputs.task(t) + "\n\nAction history:\n" + JudgeInputs.actions(t)
                + "\nAgent's final answer: " + JudgeInputs.answer(t) + "\n\nFinal URL: " + t.finalUrl()
                + (last.isEmpty() ? "\n\n(no screenshot of the final page)" : "\n\nThe final page's screenshot follows.");
        call.input("prompt", text);
        last.forEach(s -> call.input(s.name(), s.png()));
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(SYSTEM),
                ChatMessage.user(text, last.stream().map(JudgeInputs.Shot::png).toList())));
        VerdictParser.Parsed p = VerdictParser.status(r.text());
        if (p.success() == null) {
            return call.unscored(p.problem());
        }
        String why = WebVoyagerJudge.brief(p.reasoning());
        return p.success() ? call.success(1.0, "judge: success. " + why, p.reasoning(), Map.of())
                : call.failure(0.0, "judge: failure. " + why, p.reasoning(), Map.of());
    }
}
