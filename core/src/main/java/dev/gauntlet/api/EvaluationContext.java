package dev.gauntlet.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What an oracle or judge may look at besides the trajectory.
 *
 * @param config  the run's configuration
 * @param page    the live page at the end of the episode, when the episode ran in a browser
 * @param runDir  the run folder (screenshots named in the trajectory are relative to it)
 * @param finalProbe the value of the suite's probe ({@code BrowserEpisode#probe}) as the episode's final observation
 *                read it, in the same round trip as the rest of that observation and with no action since; empty
 *                where the suite has none or nobody observed the page at the end. An oracle that reads the same page
 *                state (MiniWoB's done flag and reward) takes it from here instead of asking the page again, as the
 *                MiniWoB gym reads done and reward in one script call after each action.
 */
public record EvaluationContext(Config config, Optional<BrowserPage> page, Path runDir, Optional<Object> finalProbe) {

    /** A context without a final probe: the oracle reads the page itself. */
    public EvaluationContext(Config config, Optional<BrowserPage> page, Path runDir) {
        this(config, page, runDir, Optional.empty());
    }

    /** Reads a screenshot file named in the trajectory. */
    public byte[] readScreenshot(String name) throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(runDir.resolve(name));
    }
}
