package dev.gauntlet.suites;

import dev.gauntlet.api.GauntletBenchmark;

/**
 * Selecting this class runs the configured benchmark: {@code mvn verify -Psuite=miniwob -Dagent=replay}, or "Run" in
 * an IDE (set {@code -Dsuite=...} in the run configuration).
 */
@GauntletBenchmark
class GauntletBenchmarkIT {}
