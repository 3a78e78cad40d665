package dev.gauntlet.suites.webarena;

/**
 * Thrown when a judged string check's reply holds none of its verdict words. Upstream asserts there, and its run
 * loop drops the task from the average whatever the other checks scored; we report the task unscored.
 */
final class NoVerdictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoVerdictException(String message) {
        super(message);
    }
}
