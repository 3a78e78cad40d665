package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.llm.ChatMessage;
import dev.gauntlet.llm.ChatRequest;
import dev.gauntlet.llm.ChatResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AgentRewardBench's judge (Lù et al., 2025): the goal, each step's URL, action and stated reasoning, the final
 * accessibility tree and, with {@code judge.axtree.screenshot=true}, the last screenshot; the model answers four
 * questions in tags: {@code <success>}, {@code <side>}, {@code <optimal>}, {@code <loop>}. As its scripts read the
 * reply: each tag's content runs from the first opening tag to the first closing one; success is "successful",
 * "success" or "yes" (quotes and case aside); "unsuccessful", "failure" or "no" is a failure, and so is a missing
 * or empty tag (its metrics count a missing label as 0).
 */
public final class AxTreeJudge extends LlmJudge {

    static final Set<String> SUCCESS = Set.of("successful", "yes", "success");
    static final Set<String> FAILURE = Set.of("unsuccessful", "no", "failure", "unsuccesful");

    static final String SYSTEM = """
            You judge how a web agent did on a navigation task. You receive the goal, every step the agent took \
            (the URL it was on, its action and its reasoning) and the accessibility tree of the last page (and \
            possibly its screenshot). Answer four questions:
            1. Did the actions achieve the goal? <success>Successful</success> or <success>Unsuccessful</success>
            2. Did the agent take unnecessary actions that could cause unintended side effects? <side>Yes</side> \
            or <side>No</side>
            3. How optimal was it? <optimal>1. Complete Failure</optimal>, <optimal>2. Suboptimal</optimal>, \
            <optimal>3. Somewhat Optimal</optimal> or <optimal>4. Completely Optimal</optimal>
            4. Did it repeat actions without progress? <loop>Yes</loop> or <loop>No</loop>
            Reply with <reasoning>...</reasoning> followed by one tag per question.""";
    static final String USER = "Goal: {goal}\n\nSteps:\n{steps}\nAccessibility tree of the last page:\n{axtree}";
    static final String AFTER = "Answer the four questions now.";

    @Override
    public String name() {
        return "axtree";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) throws IOException {
        var config = c.config();
        Map<String, String> values = Map.of("goal", JudgeInputs.task(t), "steps", JudgeInputs.stepsWithContext(t),
                "axtree", JudgeInputs.finalAxtree(t, c), "answer", JudgeInputs.answer(t), "url", t.finalUrl());
        String system = prompt(config, Settings.JUDGE_AXTREE_PROMPT, "system", SYSTEM, values);
        String text = prompt(config, Settings.JUDGE_AXTREE_PROMPT, "user", USER, values);
        String after = prompt(config, Settings.JUDGE_AXTREE_PROMPT, "after_images", AFTER, values);
        call.input("prompt", system + "\n" + text + "\n" + after);
        List<JudgeInputs.Shot> shot = Settings.JUDGE_AXTREE_SCREENSHOT.read(config)
                ? JudgeInputs.lastScreenshots(t, c, 1) : List.of();
        shot.forEach(s -> call.input(s.name(), s.png()));
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(system),
                JudgeInputs.user(text, shot.stream().map(JudgeInputs.Shot::png).toList(), after)));
        String reply = r.text();
        Map<String, Object> more = new LinkedHashMap<>();
        for (String tag : List.of("side", "optimal", "loop")) {
            String v = tag(reply, tag);
            more.put(tag, v == null ? "(none)" : v.strip());
        }
        String reasoning = tag(reply, "reasoning");
        String why = WebVoyagerJudge.brief(reasoning == null ? reply : reasoning);
        String label = clean(tag(reply, "success"));
        if (label != null && SUCCESS.contains(label)) {
            return call.success(1.0, "judge: success. " + why, reply.strip(), more);
        }
        if (label != null && FAILURE.contains(label)) {
            return call.failure(0.0, "judge: failure. " + why, reply.strip(), more);
        }
        return unreadable(call, config, label == null ? "the reply has no <success> answer"
                : "the <success> answer '" + label + "' is none of the choices", true, more);
    }

    /** The text between the first {@code <tag>} and the first {@code </tag>} ("" when the closing one comes first). */
    static String tag(String reply, String tag) {
        int start = reply.indexOf("<" + tag + ">");
        int end = reply.indexOf("</" + tag + ">");
        if (start < 0 || end < 0) {
            return null;
        }
        int from = start + tag.length() + 2;
        return end <= from ? "" : reply.substring(from, end);
    }

    private static String clean(String label) {
        if (label == null || label.isEmpty()) {
            return null;
        }
        String s = label.strip().toLowerCase(Locale.ROOT).replace("'", "").replace("\"", "");
        return s.isEmpty() ? null : s;
    }
}
