package dev.gauntlet.suite;

import dev.gauntlet.api.Config;
import dev.gauntlet.browser.BrowserSession;

/**
 * What a suite gets to start an episode: the run's configuration and the calling worker's browser.
 *
 * @param config  the run's configuration
 * @param browser the worker's browser; only use it from the calling thread
 */
public record EpisodeContext(Config config, BrowserSession browser) {}
