package dev.gauntlet.suites.webvoyager;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot-wall rules on fabricated pages (issue 12, "live-web realities": HTTP 403/429, CAPTCHA or bot-wall pages
 * are a status of their own). Real Chromium runs them in {@code BlockedPagesTests}.
 */
class BotWallTests {

    private static Optional<String> wall(int status, String title, String text, String... frames) {
        return BotWall.recognise(status, title, text, List.of(frames), false);
    }

    @Test
    void forbiddenAndTooManyRequestsOnTheMainDocumentAreWalls() {
        assertTrue(wall(403, "Forbidden", "").orElseThrow().contains("HTTP 403"));
        assertTrue(wall(429, "", "slow down").orElseThrow().contains("HTTP 429 (too many requests)"));
    }

    @Test
    void otherErrorStatusesAreNotWalls() {
        // a missing page or a server error is the site's or the agent's business, not a refusal of the browser
        assertEquals(Optional.empty(), wall(404, "Not found", "No such page"));
        assertEquals(Optional.empty(), wall(500, "Error", "Internal error"));
    }

    @Test
    void cloudflareInterstitialIsRecognisedByItsTitleWhateverTheStatus() {
        assertTrue(wall(200, "Just a moment...", "").orElseThrow().contains("challenge page titled 'Just a moment...'"));
        assertTrue(wall(403, "Just a moment...", "").orElseThrow().contains("HTTP 403, a challenge page"));
        assertTrue(wall(200, "Attention Required! | Cloudflare", "").isPresent());
    }

    @Test
    void challengePhrasesAreRecognisedInAnyCase() {
        assertTrue(wall(200, "Shop", "Please VERIFY YOU ARE HUMAN by completing the action below.").isPresent());
        assertTrue(wall(200, "Sorry...", "Our systems have detected unusual traffic from your computer network.")
                .orElseThrow().contains("unusual traffic"));
    }

    @Test
    void aVisibleCaptchaToSolveIsAWall() {
        assertTrue(wall(200, "Log in", "", "https://www.google.com/recaptcha/api2/anchor?ar=1&k=abc&size=normal")
                .orElseThrow().contains("/recaptcha/api2/anchor"));
        assertTrue(wall(200, "Log in", "", "https://newassets.hcaptcha.com/captcha/v1/abc/static/hcaptcha.html#frame=checkbox")
                .isPresent());
        assertTrue(wall(200, "Log in", "", "https://challenges.cloudflare.com/cdn-cgi/challenge-platform/turnstile")
                .isPresent());
    }

    @Test
    void anInvisibleCaptchaBadgeIsNotAWall() {
        // many ordinary forms carry invisible reCAPTCHA or hCaptcha; they ask the user nothing
        assertEquals(Optional.empty(), wall(200, "Contact", "This site is protected by reCAPTCHA.",
                "https://www.google.com/recaptcha/api2/anchor?ar=1&k=abc&size=invisible"));
        assertEquals(Optional.empty(), wall(200, "Contact", "",
                "https://newassets.hcaptcha.com/captcha/v1/abc/static/hcaptcha.html#frame=checkbox-invisible"));
    }

    @Test
    void pressAndHoldIsAWall() {
        assertTrue(BotWall.recognise(200, "Shop", "", List.of(), true).orElseThrow().contains("press-and-hold"));
    }

    @Test
    void anOrdinaryPageIsNotAWall() {
        assertEquals(Optional.empty(), wall(200, "Vegan Cashew Lasagna – Home Kitchen",
                "Ready in 105 minutes. Rated 4.7 out of 5.", "https://www.youtube.com/embed/xyz"));
    }
}
