package dev.gauntlet.llm;

/**
 * A chat call failed: the server was unreachable, refused the request, timed out, or answered something that is not
 * a chat completion. The message names the cause and never contains the API key.
 */
public class LlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status; {@code -1} when no answer came (connection refused or dropped, timeout), {@code 0}
     *               when the answer was not a chat completion (malformed JSON, no choices)
     */
    public LlmException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public LlmException(String message, int status) {
        this(message, status, null);
    }

    /** Returns the HTTP status, {@code -1} for no answer, {@code 0} for a malformed one. */
    public int status() {
        return status;
    }

    /** Tells whether trying again may help: rate limits, server errors, timeouts and dropped connections. */
    public boolean retryable() {
        return status == 429 || status >= 500 || status == -1;
    }
}
