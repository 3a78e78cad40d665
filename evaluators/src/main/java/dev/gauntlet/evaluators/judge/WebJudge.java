package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Step;
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
 * Online-Mind2Web's WebJudge (Xue et al., 2025), as its script runs it: (1) list the task's key points; (2) score
 * every screenshot of the episode 1–5 for relevance to them (an unreadable score counts as 0) and keep, in order, those
 * at or above {@code judge.webjudge.threshold} (default 3), at most 50, with their reasoning; (3) judge from the task,
 * the key points, the numbered actions (the answer is not shown) and the kept images with their reasoning (with no
 * image kept, the prompt has no reasoning part). Replies are read as the script reads them: {@link WebJudgeReplies}.
 */
public final class WebJudge extends LlmJudge {

    /** The script's cap on kept screenshots. */
    static final int MAX_IMAGES = 50;

    static final String KEY_POINTS = """
            Read a web task and list its key points: the conditions a correct result must meet, as the task states \
            them (item, quantity, price limits, dates, filters, sorting, the information to report). Superlatives \
            such as cheapest or newest mean a sort or filter must be applied. Add nothing the task does not state.
            Reply with "Key Points:" followed by a numbered list, one point a line, without explanations.""";
    static final String KEY_POINTS_USER = "Task: {task}";

    static final String RELEVANCE = """
            You see one screenshot taken while a web agent worked on a task, with the task's key points. Describe \
            what the screenshot shows, then rate whether it shows steps or evidence needed to judge the task \
            (1 = nothing relevant, 3 = some relevant hints, 5 = clearly shows a necessary step or evidence).
            Reply in this format:
            ### Reasoning: <what it shows and why it matters>
            ### Score: <1-5>""";
    static final String RELEVANCE_USER = "Task: {task}\n\nKey points: {key_points}\n\nThe screenshot follows.";

    static final String FINAL = """
            You judge whether a web agent completed a task. You receive the task, its key points, the agent's \
            action history and some screenshots from its trajectory that may matter, with why they may matter.
            Check every key point against the screenshots and the actions. Filters and sorting the task implies \
            must visibly be applied and match exactly; a search that merely types all requirements does not apply \
            them; tasks that need a submission must show it; looping without progress is a failure.
            Reply in two lines:
            Thoughts: <your check of each key point>
            Status: "success" or "failure\"""";
    static final String FINAL_USER = "Task: {task}\n\nKey points: {key_points}\n\nAction history:\n{actions}\n\n"
            + "Screenshots that may matter, and why:\n{thoughts}";
    static final String FINAL_USER_NO_IMAGES = "Task: {task}\n\nKey points: {key_points}\n\nAction history:\n{actions}";

    @Override
    public String name() {
        return "webjudge";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) throws IOException {
        var config = c.config();
        String task = JudgeInputs.task(t);
        call.input("task", task);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("task", task);
        ChatResponse kp = call.ask(ChatRequest.of(
                ChatMessage.system(prompt(config, Settings.JUDGE_WEBJUDGE_PROMPT, "key_points.system", KEY_POINTS, values)),
                ChatMessage.user(prompt(config, Settings.JUDGE_WEBJUDGE_PROMPT, "key_points.user", KEY_POINTS_USER, values))));
        String keyPoints = WebJudgeReplies.keyPoints(kp.text());
        values.put("key_points", keyPoints);

        int threshold = Settings.JUDGE_WEBJUDGE_THRESHOLD.read(config);
        List<JudgeInputs.Shot> shots = JudgeInputs.lastScreenshots(t, c, screenshots(config, Integer.MAX_VALUE));
        String relSystem = prompt(config, Settings.JUDGE_WEBJUDGE_PROMPT, "relevance.system", RELEVANCE, values);
        String relUser = prompt(config, Settings.JUDGE_WEBJUDGE_PROMPT, "relevance.user", RELEVANCE_USER, values);
        List<byte[]> kept = new ArrayList<>();
        List<String> thoughts = new ArrayList<>();
        List<Map<String, Object>> scores = new ArrayList<>();
        for (JudgeInputs.Shot s : shots) {
            call.input(s.name(), s.png());
            ChatResponse rel = call.ask(ChatRequest.of(ChatMessage.system(relSystem), ChatMessage.user(relUser, s.png())));
            WebJudgeReplies.Relevance r = WebJudgeReplies.relevance(rel.text());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("screenshot", s.name());
            row.put("score", r.score());
            scores.add(row);
            if (r.score() >= threshold) {
                kept.add(s.png());
                if (!r.reasoning().isEmpty()) {
                    thoughts.add(r.reasoning());
                }
            }
        }
        kept = kept.subList(0, Math.min(MAX_IMAGES, kept.size()));
        thoughts = thoughts.subList(0, Math.min(MAX_IMAGES, thoughts.size()));
        values.put("actions", actions(t));
        values.put("thoughts", numbered(thoughts));
        String user = kept.isEmpty()
                ? prompt(config, Settings.JUDGE_WEBJUDGE_PROMPT, "final.user_no_images", FINAL_USER_NO_IMAGES, values)
                : prompt(config, Settings.JUDGE_WEBJUDGE_PROMPT, "final.user", FINAL_USER, values);
        call.input("prompt", user);
        ChatResponse r = call.ask(ChatRequest.of(
                ChatMessage.system(prompt(config, Settings.JUDGE_WEBJUDGE_PROMPT, "final.system", FINAL, values)),
                ChatMessage.user(user, kept)));
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("key_points", keyPoints);
        more.put("relevance", scores);
        more.put("kept", kept.size());
        Boolean success = WebJudgeReplies.status(r.text());
        if (success == null) {
            return unreadable(call, config, "the reply has no 'status:'", true, more);
        }
        String why = WebVoyagerJudge.brief(r.text());
        return success ? call.success(1.0, "judge: success. " + why, r.text().strip(), more)
                : call.failure(0.0, "judge: failure. " + why, r.text().strip(), more);
    }

    /** The actions numbered from 1, the answer left out (the script's newer format drops the final answer step). */
    static String actions(Trajectory t) {
        List<String> lines = new ArrayList<>();
        for (Step s : t.steps()) {
            if (!(s.action() instanceof Action.Answer)) {
                lines.add(String.valueOf(s.action()));
            }
        }
        return numbered(lines);
    }

    private static String numbered(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(items.get(i));
        }
        return sb.toString();
    }
}
