package dev.gauntlet.suites.webvoyager;

import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.Locale;
import java.util.Map;

/**
 * The built-in sample's offline check: the answer contains the reference answer (case and spacing folded). Live
 * WebVoyager is scored by its judge, not by this; the sample has it so that CI can score it without a model.
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
