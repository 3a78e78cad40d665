package dev.gauntlet.api;

import java.util.List;

/**
 * Receives a run's progress; reports (CSV, Allure, leaderboard) are run listeners found by
 * {@link java.util.ServiceLoader}. Calls are serialised by the harness; a listener that throws is logged and the run
 * goes on.
 */
public interface RunListener {

    /** Called once before the first episode. */
    default void runStarted(RunInfo run) throws Exception {}

    /** Called as each episode ends (including skipped ones); write it down now, the run may be killed next. */
    default void episodeFinished(RunInfo run, EpisodeResult result) throws Exception {}

    /** Called once after the last episode with all results. */
    default void runFinished(RunInfo run, List<EpisodeResult> results) throws Exception {}
}
