package dev.gauntlet.engine;

import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the results of the latest run, registered as a run listener on the test class path. */
public final class RecordingListener implements RunListener {

    static final List<EpisodeResult> LAST_RUN = new CopyOnWriteArrayList<>();

    @Override
    public void runStarted(RunInfo run) {
        LAST_RUN.clear();
    }

    @Override
    public void episodeFinished(RunInfo run, EpisodeResult result) {
        LAST_RUN.add(result);
    }
}
