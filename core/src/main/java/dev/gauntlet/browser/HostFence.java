package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Blocks requests to hosts outside a task's allowed set, so agents cannot wander to the open web. */
final class HostFence {

    private HostFence() {}

    static void install(BrowserContext context, Set<String> allowedHosts) {
        if (allowedHosts.isEmpty() || allowedHosts.contains("*")) {
            return;
        }
        context.route(url -> !allowed(url, allowedHosts), route -> route.abort("blockedbyclient"));
    }

    static boolean allowed(String url, Set<String> allowedHosts) {
        if (url.startsWith("data:") || url.startsWith("about:") || url.startsWith("blob:")) {
            return true;
        }
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return url.startsWith("file:") && allowedHosts.contains("file");
            }
            host = host.toLowerCase(Locale.ROOT);
            for (String allowed : allowedHosts) {
                String a = allowed.toLowerCase(Locale.ROOT);
                if (host.equals(a) || a.startsWith("*.") && host.endsWith(a.substring(1))) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
