package dev.gauntlet.suites.webarena.site;

import com.sun.net.httpserver.HttpExchange;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in sites' state, one {@link SiteState} per browser session. Cookies ignore ports, so the shop, its admin
 * and the forum (one port each on 127.0.0.1) share the session: an admin price change shows in the shop.
 */
final class Sessions {

    private static final String COOKIE = "gauntlet_wa";
    private final Map<String, SiteState> states = new ConcurrentHashMap<>();

    SiteState of(HttpExchange ex) {
        String id = null;
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    id = p.substring(COOKIE.length() + 1);
                }
            }
        }
        if (id == null || !states.containsKey(id)) {
            id = UUID.randomUUID().toString();
            ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; Path=/");
        }
        return states.computeIfAbsent(id, k -> new SiteState());
    }
}
