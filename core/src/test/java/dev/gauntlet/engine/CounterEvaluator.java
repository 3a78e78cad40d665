package dev.gauntlet.engine;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Evaluator;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.Map;

/** The counter suite's oracle: success iff the trajectory holds exactly the target number of successful clicks. */
public final class CounterEvaluator implements Evaluator {

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public String oracleType() {
        return "counter";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        int target = ((Number) trajectory.task().oracle().data().get("target")).intValue();
        long clicks = trajectory.steps().stream()
                .filter(s -> s.action() instanceof Action.Click && s.error().isEmpty()).count();
        String text = clicks + " of " + target + " clicks";
        return clicks == target ? Verdict.success("counter", 1, text, Map.of("clicks", clicks))
                : Verdict.failure("counter", 0, text, Map.of("clicks", clicks));
    }
}
