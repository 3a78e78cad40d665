package dev.gauntlet.suites.mind2web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.browser.BrowserSession;

import java.util.Set;

/**
 * Renders a step's raw HTML in Chromium for a screenshot ({@code mind2web.render=true}), offline: every request the
 * page would make is aborted and its scripts do not run, so what shows is the recorded markup with whatever styles
 * it carries inline. One context per episode, opened on the first screenshot asked for.
 */
final class StepRenderer implements AutoCloseable {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private final BrowserSession browser;
    private BrowserContext context;
    private Page page;

    StepRenderer(BrowserSession browser) {
        this.browser = browser;
    }

    /** Returns a PNG of the viewport with {@code html} loaded. */
    byte[] render(String html) {
        try {
            if (page == null) {
                context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)
                        .setViewportSize(WIDTH, HEIGHT), Set.of("*"));
                context.route("**/*", route -> route.abort("blockedbyclient"));
                page = context.newPage();
            }
            page.setContent(html == null ? "" : html);
            return page.screenshot();
        } catch (dev.gauntlet.api.EnvironmentUnavailableException e) {
            throw new IllegalStateException("mind2web.render: no browser: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
