package dev.gauntlet.browser;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Origins (scheme, host and port) as the browser fence compares them. */
public final class Origins {

    private Origins() {}

    /**
     * Returns {@code url}'s origin as {@code scheme://host:port}, the port always written (80 and 443 when the URL
     * names none), or {@code null} for a URL without a host ({@code file:}, {@code chrome-error:}) or not a URL.
     */
    public static String of(String url) {
        try {
            URI u = URI.create(url.strip());
            String scheme = u.getScheme();
            String host = u.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Returns {@code declared} plus the origin of each of {@code urls}: a task's fence and its own sites. */
    public static Set<String> with(Set<String> declared, String... urls) {
        Set<String> out = new LinkedHashSet<>(declared);
        for (String url : urls) {
            String origin = of(url);
            if (origin == null) {
                throw new IllegalArgumentException("'" + url + "' has no origin (scheme://host:port)");
            }
            out.add(origin);
        }
        return Set.copyOf(out);
    }
}
