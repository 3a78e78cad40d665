package dev.gauntlet.engine;

/** Reported for an episode that the harness or the site broke (not the agent's failure). */
public final class EpisodeBrokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EpisodeBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
