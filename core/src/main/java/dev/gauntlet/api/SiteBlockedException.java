package dev.gauntlet.api;

/**
 * Signals that a site refused the automated browser: its page answered HTTP 403 or 429, or is a CAPTCHA or bot-wall
 * page. The episode ends there and is reported {@link EpisodeResult.Status#BLOCKED}, never as the agent's failure;
 * the message says what was seen and where.
 */
public class SiteBlockedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SiteBlockedException(String message) {
        super(message);
    }
}
