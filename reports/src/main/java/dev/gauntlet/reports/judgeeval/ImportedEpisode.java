package dev.gauntlet.reports.judgeeval;

import dev.gauntlet.api.Trajectory;

/**
 * One trajectory read from another harness's files, as judges see it (screenshot names are absolute paths).
 *
 * @param trajectory the episode: task (its id as the labels name it), steps, answer, screenshots
 * @param oracle     the benchmark's own outcome recorded with it ({@code success} or {@code failure}), or {@code ""}
 */
record ImportedEpisode(Trajectory trajectory, String oracle) {}
