package dev.gauntlet.browser;

import dev.gauntlet.api.Config;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One browser for a test class, with the default configuration: register it as a static
 * {@code @RegisterExtension} field and call {@link #session()} in the tests.
 */
final class SharedBrowser implements BeforeAllCallback, AfterAllCallback {

    private BrowserSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = new BrowserSession(Config.of(Map.of()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        session.close();
    }

    BrowserSession session() {
        return session;
    }
}
