/**
 * The WebShop benchmark in one place: a built-in shop following WebShop's page flow (search, results, item with
 * options and tabs, done page with the score) over a generated 1,000-product catalogue with BM25 search on Lucene and
 * generated goals split by index as upstream; or an upstream WebShop server driven through its pages
 * ({@code -Dwebshop.url=}); WebShop's grammar; and its oracle, {@link dev.gauntlet.suites.webshop.WebShopOracle}.
 *
 * <p>Scoring: the reward code lives once ({@link dev.gauntlet.suites.webshop.WebShopReward}). The done page carries
 * the purchase as JSON; the oracle recomputes the reward from it and the task's goal, and the page's shown score
 * comes from the same code.
 */
package dev.gauntlet.suites.webshop;
