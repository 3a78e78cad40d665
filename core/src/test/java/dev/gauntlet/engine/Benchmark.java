package dev.gauntlet.engine;

import dev.gauntlet.api.GauntletBenchmark;

/** The marker class the engine tests select. */
@GauntletBenchmark
class Benchmark {}
