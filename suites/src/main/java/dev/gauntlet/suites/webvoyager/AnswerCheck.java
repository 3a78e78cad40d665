package dev.gauntlet.suites.webvoyager;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.Locale;
import java.util.Map;

/**
 * The reference-answer check: the answer contains the reference answer (case and spacing folded). The built-in
 * sample's oracle, so that CI can score it without a model; on live WebVoyager tasks with a golden answer, an extra
 * check reported in its own column ({@code answer_check}), while the judge gives the score.
 *
 * @param reference the task's reference answer
 */
public record AnswerCheck(ReferenceAnswer reference) implements Oracle {

    @Override
    public String name() {
        return "answer-check";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        String answer = trajectory.answer();
        Map<String, Object> evidence = Map.of("answer", answer, "reference", reference.answer(),
                "reference_type", reference.type().name().toLowerCase(Locale.ROOT));
        if (answer.isBlank()) {
            return Verdict.failure(name(), 0, "no answer (" + trajectory.stopReason() + ")", evidence);
        }
        boolean ok = fold(answer).contains(fold(reference.answer()));
        String why = (ok ? "the answer contains" : "the answer lacks") + " the reference '" + reference.answer() + "'";
        return ok ? Verdict.success(name(), 1, why, evidence) : Verdict.failure(name(), 0, why, evidence);
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
