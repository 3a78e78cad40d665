package dev.gauntlet.serve;

/** A request the server refuses: the HTTP status and a one-line message for the client. */
final class HttpError extends Exception {

    final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }
}
