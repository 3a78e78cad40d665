package dev.gauntlet.agents.remote;

/** A call to the agent server that gave no usable answer; the message names the URL and the cause. */
final class RemoteCallException extends Exception {

    private final boolean retryable;

    RemoteCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
