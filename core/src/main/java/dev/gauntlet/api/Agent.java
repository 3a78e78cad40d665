package dev.gauntlet.api;

import java.util.List;
import java.util.Map;

/**
 * A web agent: given what it sees, picks the next action.
 *
 * <p>Register one by adding its class name to {@code META-INF/services/dev.gauntlet.api.Agent} and select it with
 * {@code -Dagent=name} or {@code -Dagent=name:key=value,...}. The harness makes a fresh instance (public no-argument
 * constructor) for every episode and calls it from one thread, so an agent may keep per-episode state in fields.
 */
public interface Agent {

    /** Returns the name users select this agent by. */
    String name();

    /** Receives the {@code name:key=value,...} arguments, before {@link #begin}; unknown keys should be rejected. */
    default void configure(Map<String, String> args) {
        if (!args.isEmpty()) {
            throw new ConfigException("agent '" + name() + "' takes no arguments, got " + args.keySet());
        }
    }

    /**
     * Called once per run at discovery, on an instance configured with the run's arguments and never used for an
     * episode: load what every episode shares (a model) and throw {@link ConfigException} with one line naming the
     * problem, so the run stops before any episode. Does nothing by default.
     */
    default void prepare(Config config) throws Exception {}

    /** Called once at the start of each episode. */
    default void begin(EpisodeStart start) throws Exception {}

    /**
     * Returns the next action. Throwing, or returning {@link Action.Invalid}, records an error for this step; the
     * episode goes on until the step limit.
     *
     * @param observation what the page shows now
     * @param history     the steps taken so far in this episode, oldest first
     */
    Action act(Observation observation, List<Step> history) throws Exception;

    /**
     * Returns the agent's stated reasoning for the action {@link #act} just returned (an LLM agent's reply around the
     * action), or {@code ""}. Read once after each {@code act}; it is kept with the step (trajectory, Allure report)
     * and given to judges that read per-step reasoning ({@code axtree}).
     */
    default String reasoning() {
        return "";
    }

    /**
     * Called once after the episode was scored (or broke, or was skipped), with its result; the agent's last word
     * on the episode, for agents that learn or log. Throwing changes nothing.
     */
    default void end(EpisodeResult result) throws Exception {}

    /** Returns tokens and cost spent in the episode so far (LLM agents); zero by default. */
    default Usage usage() {
        return Usage.NONE;
    }
}
