package dev.gauntlet.api;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * What an agent is told when an episode starts.
 *
 * @param task          the task
 * @param seed          the episode's seed
 * @param maxSteps      the step limit
 * @param demonstration the gold solution for this seed, computed only when asked for (empty when the suite has none);
 *                      only oracle agents such as {@code replay} should use it
 * @param config        the run's configuration (model servers, keys' variable names, suite options)
 */
public record EpisodeStart(Task task, long seed, int maxSteps, Callable<List<Action>> demonstration, Config config) {}
