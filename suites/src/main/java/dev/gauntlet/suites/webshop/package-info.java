/**
 * The WebShop suite: a built-in shop following WebShop's page flow (search, results, item with options and tabs,
 * done page with the score) over a generated 1,000-product catalogue with BM25 search on Lucene and generated goals
 * split by index as upstream; or an upstream WebShop server driven through its pages ({@code -Dwebshop.url=}).
 *
 * <p>Scoring: the reward code lives once, in the evaluators module ({@code webshop-reward}). The done page carries
 * the purchase as JSON; the evaluator recomputes the reward from it and the task's goal, and the page's shown score
 * comes from the same evaluator, found through {@link java.util.ServiceLoader} (see {@code ShopScorer}).
 */
package dev.gauntlet.suites.webshop;
