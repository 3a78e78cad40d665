package dev.gauntlet.engine;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.util.Map;

/** The counter suite's oracle: success iff the trajectory holds exactly {@code target} successful clicks. */
public record CounterOracle(int target) implements Oracle {

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        long clicks = trajectory.steps().stream()
                .filter(s -> s.action() instanceof Action.Click && s.error().isEmpty()).count();
        String text = clicks + " of " + target + " clicks";
        return clicks == target ? Verdict.success("counter", 1, text, Map.of("clicks", clicks))
                : Verdict.failure("counter", 0, text, Map.of("clicks", clicks));
    }
}
