package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Blocks requests to origins outside a task's allowed set, so an agent reaches neither the open web nor another
 * service on the task's machine (the model server on the same 127.0.0.1, another port).
 * <p>An entry is either an origin ({@code http://127.0.0.1:8080}: scheme, host and port must all match) or a domain
 * for live-web tasks ({@code allrecipes.com}, {@code *.allrecipes.com} for its sub-domains), which stands for its
 * {@code http} and {@code https} origins on the default ports. {@code *} switches the fence off.
 */
final class OriginFence {

    /** What a blocked request is aborted with; Chromium reports it as {@code net::ERR_BLOCKED_BY_CLIENT}. */
    static final String ABORT = "blockedbyclient";

    private OriginFence() {}

    static void install(BrowserContext context, Set<String> allowed) {
        if (allowed.isEmpty() || allowed.contains("*")) {
            return;
        }
        // a pattern, not a predicate: Playwright's driver matches it itself, so a request to an allowed origin never
        // waits for this JVM (a predicate sends every request here, where it waits until the worker next calls
        // Playwright: a page's requests while the agent thinks would hang until its next action)
        context.route(blocked(allowed), route -> route.abort(ABORT));
    }

    /**
     * Returns the URLs the fence blocks, as a regular expression that means what {@link #allowed} means, written in
     * the syntax JavaScript and Java share (Playwright's driver evaluates it as a JavaScript RegExp).
     */
    static Pattern blocked(Set<String> allowed) {
        StringBuilder open = new StringBuilder("data:|about:|blob:");
        for (String entry : allowed) {
            String a = entry.toLowerCase(Locale.ROOT).strip();
            if (a.contains("://")) {
                String origin = Origins.of(a);
                if (origin == null) {
                    continue; // names no origin: allows nothing, as allowed() finds no match for it
                }
                URI u = URI.create(origin);
                String scheme = u.getScheme();
                int port = u.getPort();
                boolean standard = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
                open.append('|').append(literal(scheme + "://" + u.getHost()))
                        .append(port < 0 ? "" : standard ? "(?::" + port + ")?" : ":" + port).append(END);
            } else {
                // *.x.com: a sub-domain of x.com (one label or more), not x.com itself
                String host = a.startsWith("*.") ? "[^/?#@:]+\\." + literal(a.substring(2)) : literal(a);
                open.append("|http://").append(host).append("(?::80)?").append(END)
                        .append("|https://").append(host).append("(?::443)?").append(END);
            }
        }
        return Pattern.compile("^(?!(?:" + open + ")).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** Where an origin ends in a URL: its path, query or fragment, or the URL's end. */
    private static final String END = "(?=[/?#]|$)";

    /** Escapes regular-expression characters one by one ({@code \\Q...\\E} is Java's, not JavaScript's). */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}-/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Returns {@code allowed} plus the comma-separated entries of {@code gauntlet.fence.allow}. */
    static Set<String> plus(Set<String> allowed, String extra) {
        if (extra == null || extra.isBlank() || allowed.isEmpty()) {
            return allowed;
        }
        Set<String> out = new java.util.LinkedHashSet<>(allowed);
        for (String entry : extra.split(",")) {
            if (!entry.isBlank()) {
                out.add(entry.strip());
            }
        }
        return out;
    }

    /**
     * The fence's rule in plain code: whether {@code url} may be loaded. The browser applies {@link #blocked}, its
     * regular-expression form; {@code OriginFenceTests} checks that the two agree.
     */
    static boolean allowed(String url, Set<String> allowed) {
        if (url.startsWith("data:") || url.startsWith("about:") || url.startsWith("blob:")) {
            return true;
        }
        if (allowed.contains("*")) {
            return true;
        }
        String origin = Origins.of(url);
        if (origin == null) {
            return false;
        }
        URI u = URI.create(origin);
        String host = u.getHost();
        boolean webDefault = origin.equals("http://" + host + ":80") || origin.equals("https://" + host + ":443");
        for (String entry : allowed) {
            String a = entry.toLowerCase(Locale.ROOT);
            if (a.contains("://")) {
                if (origin.equals(Origins.of(a))) {
                    return true;
                }
            } else if (webDefault && (host.equals(a) || a.startsWith("*.") && host.endsWith(a.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
