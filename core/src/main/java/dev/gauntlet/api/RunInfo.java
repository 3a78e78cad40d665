package dev.gauntlet.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as it starts.
 *
 * @param id        run id, sortable by time ({@code 20261121-101500-miniwob-replay})
 * @param dir       the run folder ({@link #folder()} names the files in it)
 * @param config    resolved configuration
 * @param suites    suite name → source description (built-in, or upstream path and hash)
 * @param agents    agent specs
 * @param seeds     the seeds
 * @param episodes  planned task × seed × agent count
 * @param workers   worker count
 * @param startedAt start time
 * @param regionHints suite name → where it ran from, for the suites on live websites ({@link RegionHints})
 */
public record RunInfo(String id, Path dir, Config config, Map<String, String> suites, List<String> agents,
                      List<Long> seeds, int episodes, int workers, Instant startedAt,
                      Map<String, RegionHints> regionHints) {

    public RunInfo {
        regionHints = Map.copyOf(regionHints == null ? Map.of() : regionHints);
    }

    /** A run with no live-web suite. */
    public RunInfo(String id, Path dir, Config config, Map<String, String> suites, List<String> agents,
                   List<Long> seeds, int episodes, int workers, Instant startedAt) {
        this(id, dir, config, suites, agents, seeds, episodes, workers, startedAt, Map.of());
    }

    /** Returns the run folder, which names the files in it. */
    public RunFolder folder() {
        return new RunFolder(dir);
    }
}
