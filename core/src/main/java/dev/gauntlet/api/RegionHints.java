package dev.gauntlet.api;

/**
 * Where a live-web run ran from, as the sites saw it, for the manifest: live pages differ by region, language and
 * browser, so results are only comparable with these beside them.
 *
 * @param timeZone       the browser's time zone ({@code Intl.DateTimeFormat().resolvedOptions().timeZone})
 * @param locale         the browser's language ({@code navigator.language})
 * @param userAgent      the browser's user agent ({@code navigator.userAgent})
 * @param publicIp       the address sites saw, or {@code ""} when it was not recorded
 * @param publicIpAbsent why {@code publicIp} is empty (not allowed, the service did not answer), else {@code ""}
 */
public record RegionHints(String timeZone, String locale, String userAgent, String publicIp, String publicIpAbsent) {

    public RegionHints {
        timeZone = timeZone == null ? "" : timeZone;
        locale = locale == null ? "" : locale;
        userAgent = userAgent == null ? "" : userAgent;
        publicIp = publicIp == null ? "" : publicIp;
        publicIpAbsent = publicIpAbsent == null ? "" : publicIpAbsent;
    }
}
