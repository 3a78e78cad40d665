package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Agent-Eval-Refine's screenshot evaluator (Pan et al., 2024; final_eval_v3 with GPT-4V): the task, the action
 * history ({@code 1: action}) and the last screenshot go to a VLM; the answer is not shown. As the script reads the
 * reply: the first line that starts with {@code Status:}, stripped and without quotes, is a success only when it is
 * {@code success} or {@code Success}; anything else, no such line included, is a failure.
 */
public final class EvalRefineJudge extends LlmJudge {

    static final String SYSTEM = """
            You evaluate a web navigation agent that helps a user complete a task on a website. From the user's \
            intent, the agent's action history and the final state of the page, decide whether the agent succeeded.
            Information-seeking tasks succeed only when the agent found and gave the information (or said plainly \
            that it is not available) after the actions the task needs (such as sorting before picking the top \
            items). Navigation and content-changing tasks succeed when the actions and the final page show the \
            page reached or the change made.
            Reply in exactly two lines:
            Thoughts: <your reasoning>
            Status: "success" or "failure\"""";
    static final String USER = "User intent: {task}\n\nAction history:\n{actions}\n\nThe image is the last snapshot of the page.";

    @Override
    public String name() {
        return "eval-refine";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) throws IOException {
        List<JudgeInputs.Shot> last = JudgeInputs.lastScreenshots(t, c, 1);
        Map<String, String> values = Map.of("task", JudgeInputs.task(t), "actions", actions(t));
        String system = prompt(c.config(), Settings.JUDGE_EVAL_REFINE_PROMPT, "system", SYSTEM, values);
        String text = prompt(c.config(), Settings.JUDGE_EVAL_REFINE_PROMPT, "user", USER, values);
        call.input("prompt", system + "\n" + text);
        last.forEach(s -> call.input(s.name(), s.png()));
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(system),
                ChatMessage.user(text, last.stream().map(JudgeInputs.Shot::png).toList())));
        String status = status(r.text());
        if (status == null) {
            return unreadable(call, c.config(), "no line starts with 'Status:'", true, Map.of());
        }
        String why = WebVoyagerJudge.brief(r.text());
        return status.equals("success") || status.equals("Success")
                ? call.success(1.0, "judge: success. " + why, r.text().strip(), Map.of("status", status))
                : call.failure(0.0, "judge: failure (status '" + status + "'). " + why, r.text().strip(),
                        Map.of("status", status));
    }

    /** Returns the first line starting with {@code Status:}, after it, stripped, quotes removed; null when none. */
    static String status(String reply) {
        for (String line : reply.split("\n", -1)) {
            if (line.startsWith("Status:")) {
                return line.substring("Status:".length()).strip().replace("\"", "");
            }
        }
        return null;
    }

    /** The action history as the script numbers it, {@code 1: action} one a line; the answer is not shown. */
    static String actions(Trajectory t) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Step s : t.steps()) {
            if (!(s.action() instanceof dev.gauntlet.api.Action.Answer)) {
                sb.append(++n).append(": ").append(s.action()).append('\n');
            }
        }
        return sb.toString();
    }
}
