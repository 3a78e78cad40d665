package dev.gauntlet.site;

import java.net.HttpURLConnection;
import java.net.URI;

/** Asks whether a site answers before episodes are sent to it, so a stopped server reads as one clear reason. */
public final class Reachability {

    private Reachability() {}

    /**
     * Requests {@code url} once (5 s to connect, 10 s to answer, redirects not followed).
     *
     * @return {@code ""} when it answers below HTTP 500, else what went wrong ({@code ConnectException: Connection
     *     refused}, {@code HTTP 502})
     */
    public static String problem(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(10000);
            c.setInstanceFollowRedirects(false);
            int status = c.getResponseCode();
            c.disconnect();
            return status < 500 ? "" : "HTTP " + status;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
