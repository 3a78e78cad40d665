package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

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
        context.route(url -> !allowed(url, allowed), route -> route.abort(ABORT));
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
