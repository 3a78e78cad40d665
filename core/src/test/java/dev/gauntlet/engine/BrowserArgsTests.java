package dev.gauntlet.engine;

import com.microsoft.playwright.Page;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Settings;
import dev.gauntlet.browser.BrowserSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gauntlet.browser.args}: the user's Chromium flags reach the launched browser; bad ones stop the run. */
class BrowserArgsTests {

    @Test
    void theFlagsReachTheLaunchedChromium() throws Exception {
        Config config = Config.of(Map.of(Settings.BROWSER_ARGS.key(), " --user-agent=GauntletArgsProbe/1  --lang=de "));
        assertEquals(List.of("--user-agent=GauntletArgsProbe/1", "--lang=de"), Settings.browserArgs(config));
        try (BrowserSession session = new BrowserSession(config)) {
            Page page = session.newContext(new com.microsoft.playwright.Browser.NewContextOptions(), Set.of("*"))
                    .newPage();
            assertEquals("GauntletArgsProbe/1", page.evaluate("() => navigator.userAgent"));
        }
    }

    @Test
    void aValueThatIsNotAFlagIsRefusedNamingTheKeyAndTheValue() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RunSettings.read(Config.of(Map.of(Settings.BROWSER_ARGS.key(), "--lang=de user-agent=x")), Map.of()));
        assertTrue(e.getMessage().contains("gauntlet.browser.args") && e.getMessage().contains("'user-agent=x'"),
                e.getMessage());
        assertEquals(List.of(), Settings.browserArgs(Config.of(Map.of())));
    }

    @Test
    void flagsForARemoteBrowserAreRefusedRatherThanIgnored() {
        ConfigException e = assertThrows(ConfigException.class, () -> RunSettings.read(Config.of(Map.of(
                Settings.BROWSER_ARGS.key(), "--lang=de", Settings.BROWSER_ENDPOINT.key(), "ws://127.0.0.1:3000/")),
                Map.of()));
        assertTrue(e.getMessage().contains("gauntlet.browser.endpoint"), e.getMessage());
    }
}
