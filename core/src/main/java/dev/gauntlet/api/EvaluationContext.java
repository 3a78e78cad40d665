package dev.gauntlet.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What an oracle or judge may look at besides the trajectory.
 *
 * @param config  the run's configuration
 * @param page    the live page at the end of the episode, when the episode ran in a browser
 * @param runDir  the run folder (screenshots named in the trajectory are relative to it)
 */
public record EvaluationContext(Config config, Optional<BrowserPage> page, Path runDir) {

    /** Reads a screenshot file named in the trajectory. */
    public byte[] readScreenshot(String name) throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(runDir.resolve(name));
    }
}
