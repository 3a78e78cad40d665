package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebVoyager's judge (He et al., 2024; evaluation/auto_eval.py): a VLM reads the task, the agent's answer and the
 * last k screenshots ({@code judge.screenshots}; the script's default k = 1), in one user message of text, the
 * images, then a closing text. As the script: an episode without an answer is a failure without a call; a reply
 * containing "NOT SUCCESS" is a failure, else one containing "SUCCESS" a success (both case-sensitive), else no
 * verdict. Temperature 0, seed 42, 1,000 tokens.
 */
public final class WebVoyagerJudge extends LlmJudge {

    /** The script's default {@code --max_attached_imgs}. */
    static final int SCREENSHOTS = 1;

    static final String SYSTEM = """
            You check whether a web agent accomplished a task for a user. You receive the task, the agent's final \
            answer, and the last screenshots of the browser, oldest first.
            Rules:
            - A task with several parts fails when any part is missing.
            - The screenshots are authentic; the answer was written by the agent afterwards. When the answer \
            contradicts a screenshot, the screenshot prevails. When the answer states something the screenshots \
            do not show, believe the answer.
            - Do not assume anything the screenshots and the answer do not show.
            Explain your reasoning briefly, then give the verdict as SUCCESS or NOT SUCCESS.""";

    static final String USER = "Task: {task}\nAgent's answer: {answer}\nThe last {num} screenshot(s):";
    static final String AFTER = "Verdict:\n";

    @Override
    public String name() {
        return "webvoyager";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) throws IOException {
        if (t.answer().isBlank()) {
            // auto_eval.py returns 0 when the last message holds no ANSWER action, without asking the model
            return call.failure(0.0, "judge: no answer, a failure without a call (as WebVoyager's script)", "",
                    Map.of("screenshots", 0));
        }
        List<JudgeInputs.Shot> shots = JudgeInputs.lastScreenshots(t, c, screenshots(c.config(), SCREENSHOTS));
        Map<String, String> values = Map.of("task", JudgeInputs.task(t), "answer", t.answer(),
                "num", Integer.toString(shots.size()));
        String system = prompt(c.config(), Settings.JUDGE_WEBVOYAGER_PROMPT, "system", SYSTEM, values);
        String text = prompt(c.config(), Settings.JUDGE_WEBVOYAGER_PROMPT, "user", USER, values);
        String after = prompt(c.config(), Settings.JUDGE_WEBVOYAGER_PROMPT, "after_images", AFTER, values);
        call.input("prompt", system + "\n" + text + "\n" + after);
        List<byte[]> images = new ArrayList<>();
        for (JudgeInputs.Shot s : shots) {
            call.input(s.name(), s.png());
            images.add(s.png());
        }
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(system),
                JudgeInputs.user(text, images, after)).withTemperature(0).withSeed(42).withMaxTokens(1000));
        String reply = r.text();
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("screenshots", shots.size());
        if (reply.contains("NOT SUCCESS")) {
            return call.failure(0.0, "judge: NOT SUCCESS. " + brief(reply), reply.strip(), more);
        }
        if (reply.contains("SUCCESS")) {
            return call.success(1.0, "judge: SUCCESS. " + brief(reply), reply.strip(), more);
        }
        // the script records None: no verdict, whatever judge.unreadable says
        return unreadable(call, c.config(), "the reply says neither SUCCESS nor NOT SUCCESS", false, more);
    }

    static String brief(String reasoning) {
        String one = reasoning.replaceAll("\\s+", " ").strip();
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }
}
