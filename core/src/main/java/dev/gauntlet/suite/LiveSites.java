package dev.gauntlet.suite;

import dev.gauntlet.api.RegionHints;

/**
 * A task set whose tasks run on live websites (WebVoyager, Online-Mind2Web): the run's manifest records where it ran
 * from, since live pages depend on it.
 */
public interface LiveSites {

    /**
     * Returns the region hints, read once as the run starts (from a browser launched as the workers launch theirs).
     * Never throws: what cannot be read says why in its place.
     */
    RegionHints regionHints();
}
