package dev.gauntlet.suites.webvoyager;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a page that refuses automated browsers: the main document answered HTTP 403 or 429, or the page is a
 * challenge (Cloudflare's "Just a moment...", "verify you are human", Google's unusual-traffic page, PerimeterX's
 * press-and-hold, Imperva, DataDome) or shows a CAPTCHA to solve (a visible reCAPTCHA checkbox or challenge, an
 * hCaptcha checkbox or challenge, Cloudflare Turnstile). An invisible reCAPTCHA badge, which many ordinary forms
 * carry, is not a wall.
 */
final class BotWall {

    /** Reads what the rules need from the page in one call: title, the start of the text, visible frames' sources. */
    static final String SCRIPT = """
            () => {
              const frames = [];
              for (const f of document.querySelectorAll('iframe')) {
                const r = f.getBoundingClientRect();
                const style = getComputedStyle(f);
                if (r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && style.visibility !== 'hidden'
                    && style.display !== 'none') {
                  frames.push(f.src || '');
                }
              }
              const text = document.body ? document.body.innerText.slice(0, 4000) : '';
              return {title: document.title || '', text, frames, px: !!document.getElementById('px-captcha')};
            }""";

    /** Phrases of challenge pages, lower case. */
    static final List<String> PHRASES = List.of(
            "verify you are human", "verifying you are human", "verify that you are human",
            "checking your browser before accessing", "checking if the site connection is secure",
            "enable javascript and cookies to continue", "press & hold to confirm you are",
            "press and hold to confirm you are", "unusual traffic from your computer network",
            "access to this page has been denied", "pardon our interruption", "incapsula incident id",
            "please prove you are not a robot", "are you a robot?");

    /** Frame sources (lower case) that are a CAPTCHA to solve; checked after {@link #INVISIBLE}. */
    static final List<String> CAPTCHA_FRAMES = List.of(
            "/recaptcha/api2/anchor", "/recaptcha/enterprise/anchor", "/recaptcha/api2/bframe",
            "/recaptcha/enterprise/bframe", "hcaptcha.com/captcha", "challenges.cloudflare.com", "captcha-delivery.com");

    /** Markers of a CAPTCHA frame that runs without asking the user anything. */
    static final List<String> INVISIBLE = List.of("size=invisible", "frame=checkbox-invisible");

    private BotWall() {}

    /**
     * Returns why the page is a wall, or empty.
     *
     * @param status the main document's HTTP status (0 when unknown)
     * @param title  the page title
     * @param text   the start of the page's visible text
     * @param frames the sources of its visible frames
     * @param pressAndHold whether the page has PerimeterX's {@code #px-captcha} element
     */
    static Optional<String> recognise(int status, String title, String text, List<String> frames,
                                      boolean pressAndHold) {
        if (status == 403 || status == 429) {
            return Optional.of("the page answered HTTP " + status + (status == 429 ? " (too many requests)" : "")
                    + (isChallengeTitle(title) ? ", a challenge page titled '" + title.strip() + "'" : ""));
        }
        if (isChallengeTitle(title)) {
            return Optional.of("a challenge page titled '" + title.strip() + "'");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : PHRASES) {
            if (lower.contains(phrase)) {
                return Optional.of("a bot-check page saying '" + phrase + "'");
            }
        }
        for (String src : frames) {
            String s = src.toLowerCase(Locale.ROOT);
            if (INVISIBLE.stream().anyMatch(s::contains)) {
                continue;
            }
            for (String marker : CAPTCHA_FRAMES) {
                if (s.contains(marker)) {
                    return Optional.of("a CAPTCHA (" + marker + ") to solve");
                }
            }
        }
        return pressAndHold ? Optional.of("a press-and-hold CAPTCHA (#px-captcha)") : Optional.empty();
    }

    private static boolean isChallengeTitle(String title) {
        String t = title.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("just a moment") || t.equals("attention required! | cloudflare")
                || t.equals("are you a robot?");
    }
}
