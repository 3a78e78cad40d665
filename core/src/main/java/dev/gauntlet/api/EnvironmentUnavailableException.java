package dev.gauntlet.api;

/**
 * Signals that something a task needs is not available here (a site, a dataset, a judge). The test is reported
 * as skipped with this message, which should name the property that would enable it.
 */
public class EnvironmentUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public EnvironmentUnavailableException(String message) {
        super(message);
    }
}
