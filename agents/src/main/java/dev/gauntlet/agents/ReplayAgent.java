package dev.gauntlet.agents;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.EnvironmentUnavailableException;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;

import java.util.List;

/**
 * Plays the task's gold demonstration for the episode's seed, then stops. An oracle, not a baseline: it shows the
 * harness and the tasks work (it must score 100% on the built-in tasks).
 */
public final class ReplayAgent implements Agent {

    private List<Action> plan = List.of();

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public void begin(EpisodeStart start) throws Exception {
        plan = start.demonstration().call();
        if (plan.isEmpty()) {
            // nothing to measure: skipped, not a failure of the agent
            throw new EnvironmentUnavailableException("task " + start.task().qualifiedId() + " has no gold"
                    + " demonstration; 'replay' runs on tasks that ship one (the built-in sets)");
        }
    }

    @Override
    public Action act(Observation observation, List<Step> history) {
        int next = history.size();
        return next < plan.size() ? plan.get(next) : new Action.Answer("");
    }
}
