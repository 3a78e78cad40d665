package dev.gauntlet.agents.remote;

/**
 * A call to the agent server that gave no usable answer; the message names the URL and the cause. {@code unreachable}
 * says no connection could be made or kept (refused, reset): the server is down, not merely slow or wrong.
 */
final class RemoteCallException extends Exception {

    private final boolean retryable;
    private final boolean unreachable;

    RemoteCallException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, false, cause);
    }

    RemoteCallException(String message, boolean retryable, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.unreachable = unreachable;
    }

    boolean retryable() {
        return retryable;
    }

    boolean unreachable() {
        return unreachable;
    }
}
