package dev.gauntlet.evaluators.judge;

import dev.gauntlet.api.EvaluationContext;
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
import java.util.OptionalInt;

/**
 * Online-Mind2Web's WebJudge (Xue et al., 2025) in three steps: list the task's key points; score each of the last
 * screenshots' relevance to them (1 to 5); judge from the key points, the actions and the screenshots that scored
 * at least {@link #KEEP_AT_LEAST}. A relevance reply without a score keeps its screenshot.
 */
public final class WebJudge extends LlmJudge {

    static final int KEEP_AT_LEAST = 3;

    static final String KEY_POINTS = """
            Read a web task and list its key points: the conditions a correct result must meet (item, quantity, \
            price limits, dates, filters, sorting, the information to report). Keep each point short and copy \
            values exactly as the task states them; do not add requirements the task does not state.
            Reply as:
            Key points:
            1. ...
            2. ...""";

    static final String RELEVANCE = """
            You see one screenshot taken while a web agent worked on a task, and the task's key points. Rate how \
            much the screenshot shows evidence about whether the key points were met (1 = nothing relevant, \
            5 = shows a key point met or clearly not met). Describe briefly what it shows, then end with "Score: N".""";

    static final String FINAL = """
            You judge whether a web agent completed a task. You receive the task, its key points, the agent's \
            actions, its final answer and the screenshots that show relevant evidence.
            The task succeeds only if every key point is met, as shown by the screenshots or the actions; a filter \
            or value the agent never set does not count as met, and an answer the evidence does not support is not \
            correct.
            Reply in this format:
            Thoughts: <check each key point>
            Status: success or failure""";

    @Override
    public String name() {
        return "webjudge";
    }

    @Override
    Verdict judge(Trajectory t, EvaluationContext c, JudgeCall call) throws IOException {
        String task = JudgeInputs.task(t);
        call.input("task", task);
        ChatResponse kp = call.ask(ChatRequest.of(ChatMessage.system(KEY_POINTS), ChatMessage.user("Task: " + task)));
        List<String> points = VerdictParser.keyPoints(kp.text());
        String pointText = points.isEmpty() ? "1. " + task : numbered(points);

        List<JudgeInputs.Shot> kept = new ArrayList<>();
        List<Map<String, Object>> scores = new ArrayList<>();
        for (JudgeInputs.Shot s : JudgeInputs.lastScreenshots(t, c, screenshots(c.config()))) {
            call.input(s.name(), s.png());
            ChatResponse rel = call.ask(ChatRequest.of(ChatMessage.system(RELEVANCE),
                    ChatMessage.user("Task: " + task + "\n\nKey points:\n" + pointText, s.png())));
            OptionalInt score = VerdictParser.relevance(rel.text());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("screenshot", s.name());
            row.put("score", score.isPresent() ? score.getAsInt() : "unreadable");
            scores.add(row);
            if (score.isEmpty() || score.getAsInt() >= KEEP_AT_LEAST) {
                kept.add(s);
            }
        }

        String text = "Task: " + task + "\n\nKey points:\n" + pointText + "\nActions:\n" + JudgeInputs.actions(t)
                + "\nFinal answer: " + JudgeInputs.answer(t) + "\n\n" + kept.size() + " relevant screenshot(s) follow.";
        call.input("prompt", text);
        ChatResponse r = call.ask(ChatRequest.of(ChatMessage.system(FINAL),
                ChatMessage.user(text, kept.stream().map(JudgeInputs.Shot::png).toList())));
        VerdictParser.Parsed p = VerdictParser.status(r.text());
        if (p.success() == null) {
            return call.unscored(p.problem());
        }
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("key_points", points);
        more.put("relevance", scores);
        String why = WebVoyagerJudge.brief(p.reasoning());
        return p.success() ? call.success(1.0, "judge: success. " + why, p.reasoning(), more)
                : call.failure(0.0, "judge: failure. " + why, p.reasoning(), more);
    }

    private static String numbered(List<String> points) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            sb.append(i + 1).append(". ").append(points.get(i)).append('\n');
        }
        return sb.toString();
    }
}
