package dev.gauntlet.api;

import java.util.Optional;

/**
 * The live page at the end of an episode, as evaluators see it: what is shown, and a way to run a script in it.
 * Gauntlet's own type, so agent and evaluator authors need no browser library; an evaluator that belongs to one
 * suite may {@link #unwrap} the runtime's page.
 */
public interface BrowserPage {

    /** Returns the page's URL. */
    String url();

    /** Returns the page's HTML as it is now (after scripts ran). */
    String content();

    /**
     * Evaluates a JavaScript expression or function ({@code () => document.title}) in the page and returns its
     * value converted to Java (strings, numbers, booleans, lists and maps).
     */
    Object evaluate(String expression);

    /** Returns a PNG of the viewport. */
    byte[] screenshot();

    /**
     * Returns the runtime's own page object of {@code type} (a Playwright {@code Page}), for evaluators that live
     * with their suite and need more than this interface.
     */
    <T> Optional<T> unwrap(Class<T> type);
}
