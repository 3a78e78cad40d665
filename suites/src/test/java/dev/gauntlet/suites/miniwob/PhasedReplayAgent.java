package dev.gauntlet.suites.miniwob;

import dev.gauntlet.agents.ReplayAgent;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's replay agent ({@code bench-replay}): {@code replay}, which pauses once before its first action for a
 * part of a 60 Hz frame, and records the pause so that {@link MiniWobBenchmark} leaves it out of the episode's
 * time. Bare Playwright pauses the same way at the same point. Chromium draws a frame every 16.7 ms and a capture or a
 * click waits for frames, so without the pause a scripted loop can lock onto one phase of that clock, and a fixed
 * difference of a millisecond or two between the two sides can cost one of them a whole frame per click; the pause
 * gives both the average over all phases, as the episodes of a real agent get.
 */
public final class PhasedReplayAgent implements Agent {

    /** One 60 Hz frame. */
    static final long FRAME_NANOS = 16_666_667L;

    /** Pauses taken, by {@code task/seed}, in nanoseconds. */
    static final Map<String, Long> PAUSES = new ConcurrentHashMap<>();

    private final ReplayAgent replay = new ReplayAgent();

    @Override
    public String name() {
        return "bench-replay";
    }

    @Override
    public void begin(EpisodeStart start) throws Exception {
        replay.begin(start);
        PAUSES.put(start.task().id() + "/" + start.seed(), pause(start.task().id(), start.seed()));
    }

    @Override
    public Action act(Observation observation, List<Step> history) {
        return replay.act(observation, history);
    }

    /**
     * Sleeps part of a frame, the same for an episode on either side, spread evenly over the seeds (seed k pauses the
     * fractional part of k times the golden ratio, of a frame); returns the time slept.
     */
    static long pause(String task, long seed) throws InterruptedException {
        double phase = (seed * 0.6180339887498949) % 1.0;
        long wanted = (long) (phase * FRAME_NANOS);
        long t0 = System.nanoTime();
        Thread.sleep(wanted / 1_000_000, (int) (wanted % 1_000_000));
        return System.nanoTime() - t0;
    }
}
