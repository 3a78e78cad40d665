package dev.gauntlet.browser;

import com.microsoft.playwright.Page;
import dev.gauntlet.api.BrowserPage;

import java.util.Optional;

/** A Playwright page seen through Gauntlet's {@link BrowserPage}. */
public record PlaywrightPage(Page page) implements BrowserPage {

    @Override
    public String url() {
        return page.url();
    }

    @Override
    public String content() {
        return page.content();
    }

    @Override
    public Object evaluate(String expression) {
        return page.evaluate(expression);
    }

    @Override
    public byte[] screenshot() {
        return page.screenshot();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(page) ? Optional.of(type.cast(page)) : Optional.empty();
    }

    /** Returns the Playwright page behind {@code page}, or throws naming what needed it. */
    public static Page of(BrowserPage page, String who) {
        return page.unwrap(Page.class).orElseThrow(() -> new IllegalStateException(who + " needs a Playwright page"));
    }
}
