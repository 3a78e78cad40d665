package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WebVoyager's judge (He et al., 2024): a VLM reads the task, the agent's answer and the last k screenshots
 * ({@code judge.screenshots}) and answers SUCCESS or NOT SUCCESS; the screenshots win when they contradict the
 * answer.
 */
public final class WebVoyagerJudge extends LlmJudge {

    static final String SYSTEM = """
            You check whether a web agent accomplished a task for a user. You receive the task, the agent's final \
            answer, and the last screenshots of the browser, oldest first.
            Rules:
            - The screenshots are the evidence. When the answer claims something the screenshots do not show, or \
            contradict, trust the screenshots.
            - Every part of the task must be done; a partly done task is not a success.
            - Do not guess about what happened outside the screenshots and the answer.
            - A task that asks for information succeeds only when the answer gives it correctly.
            Think it through briefly, then end with one line that is exactly "SUCCESS" or "NOT SUCCESS".""";

    @Override
    public String name() {
        return "webvoyager";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) throws IOException {
        List<JudgeInputs.Shot> shots = JudgeInputs.lastScreenshots(t, c, screenshots(c.config()));
        String text = "Task: " + JudgeInputs.task(t) + "\n\nAgent's answer: " + JudgeInputs.answer(t) + "\n\n"
                + shots.size() + " screenshot(s) follow.";
        call.input("prompt", text);
        List<byte[]> images = new ArrayList<>();
        for (JudgeInputs.Shot s : shots) {
            call.input(s.name(), s.png());
            images.add(s.png());
        }
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(SYSTEM), ChatMessage.user(text, images)));
        VerdictParser.Parsed p = VerdictParser.webVoyager(r.text());
        if (p.success() == null) {
            return call.unscored(p.problem());
        }
        Map<String, Object> more = Map.of("screenshots", shots.size());
        return p.success() ? call.success(1.0, "judge: SUCCESS. " + brief(p.reasoning()), p.reasoning(), more)
                : call.failure(0.0, "judge: NOT SUCCESS. " + brief(p.reasoning()), p.reasoning(), more);
    }

    static String brief(String reasoning) {
        String one = reasoning.replaceAll("\\s+", " ").strip();
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }
}
