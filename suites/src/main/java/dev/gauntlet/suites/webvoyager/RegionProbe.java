package dev.gauntlet.suites.webvoyager;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.RegionHints;
import dev.gauntlet.browser.BrowserSession;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the region hints from a browser launched as the workers launch theirs, with the episodes' window: its time
 * zone, language and user agent, and, only when the user allows it, the public address a service that echoes it sees
 * (asked from that browser, so a proxy it uses counts).
 */
final class RegionProbe {

    private static final String SCRIPT = "() => ({timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || '',"
            + " locale: navigator.language || '', userAgent: navigator.userAgent || ''})";
    /** An IPv4 or IPv6 address, as echo services answer it. */
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+");

    private RegionProbe() {}

    /**
     * @param allowKey the key that allows the address ({@code webvoyager.publicIp}), named when it is not set
     * @param ipUrl    the echo service, or null when the address is not to be recorded
     */
    static RegionHints read(Config config, String allowKey, String ipUrl) {
        try (BrowserSession session = new BrowserSession(config);
             BrowserContext context = session.browser().newContext(LiveWebTasks.contextOptions())) {
            Page page = context.newPage();
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) page.evaluate(SCRIPT);
            String ip = "";
            String absent;
            if (ipUrl == null) {
                absent = "not recorded: set " + allowKey + "=true to record it";
            } else {
                try {
                    page.navigate(ipUrl, new Page.NavigateOptions().setTimeout(10_000));
                    String text = String.valueOf(page.evaluate("() => document.body ? document.body.innerText : ''")).strip();
                    absent = ADDRESS.matcher(text).matches() ? "" : ipUrl + " answered '" + abbreviate(text)
                            + "', not an address";
                    ip = absent.isEmpty() ? text : "";
                } catch (RuntimeException e) {
                    absent = ipUrl + " did not answer: " + firstLine(e.getMessage());
                }
            }
            return new RegionHints(String.valueOf(seen.get("timeZone")), String.valueOf(seen.get("locale")),
                    String.valueOf(seen.get("userAgent")), ip, absent);
        } catch (Exception e) {
            String why = "unavailable: " + firstLine(e.getMessage());
            return new RegionHints(why, why, why, "", why);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
