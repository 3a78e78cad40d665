package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebArena sites' base URLs: from {@code webarena.<site>.url} (or {@code GAUNTLET_WEBARENA_<SITE>_URL}), else
 * upstream's own environment variables ({@code SHOPPING}, {@code SHOPPING_ADMIN}, {@code REDDIT}, ...), else the
 * built-in sites when the offline sample runs. Also replaces the config's placeholders and checks that sites answer.
 */
final class SiteUrls {

    private final Map<String, String> urls;
    private final boolean builtIn;
    private final Map<String, String> health = new ConcurrentHashMap<>();

    private SiteUrls(Map<String, String> urls, boolean builtIn) {
        this.urls = urls;
        this.builtIn = builtIn;
    }

    static SiteUrls configured(Config config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String site : WebArenaSettings.SITES) {
            String v = config.get(WebArenaSettings.urlKey(site))
                    .orElse(System.getenv(site.toUpperCase(Locale.ROOT)));
            if (v != null && !v.isBlank()) {
                out.put(site, strip(v.trim()));
            }
        }
        return new SiteUrls(out, false);
    }

    static SiteUrls builtIn(Map<String, String> urls) {
        return new SiteUrls(Map.copyOf(urls), true);
    }

    Map<String, String> all() {
        return urls;
    }

    /** Returns why {@code site} cannot be used, or null when it is configured (and, if asked, answers). */
    String unavailable(String site, boolean check) {
        String url = urls.get(site);
        if (url == null) {
            return builtIn ? "the built-in sample has no '" + site + "' site"
                    : "'" + WebArenaSettings.urlKey(site) + "' is not set (the " + site + " site's base URL)";
        }
        if (!check || builtIn) {
            return null;
        }
        String reason = health.computeIfAbsent(site, s -> dev.gauntlet.site.Reachability.problem(url));
        return reason.isEmpty() ? null : "the " + site + " site at " + url + " does not answer (" + reason
                + "): start it (docker/webarena/README.md) or fix " + WebArenaSettings.urlKey(site);
    }

    /** Replaces {@code __SHOPPING__}-style placeholders with configured URLs (unknown ones stay). */
    String resolve(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        // the longer name first: __SHOPPING_ADMIN__ contains __SHOPPING_
        for (String site : new String[] {"shopping_admin", "shopping", "reddit", "gitlab", "wikipedia", "map",
                "homepage"}) {
            String url = urls.get(site);
            if (url != null) {
                out = out.replace("__" + site.toUpperCase(Locale.ROOT) + "__", url);
            }
        }
        return out;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
