package dev.gauntlet.api;

/**
 * Thrown by an agent when a service it needs and does not control (its model server) stayed unreachable after its
 * retries. The episode is then broken with this cause, not failed: an outage is not the agent's failure, and a
 * resumed run with {@code gauntlet.retryBroken} plays the episode again.
 */
public class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
