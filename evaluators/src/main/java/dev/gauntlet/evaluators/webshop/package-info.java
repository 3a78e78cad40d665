/**
 * WebShop's oracle: the purchase reward (type, attributes, options, price) computed from the goal and the purchase.
 *
 * <p>Why the reward lives here and how the shop shows it: evaluators and suites do not depend on each other at
 * compile time, yet the built-in shop's done page must show the very score the evaluator gives. So the reward is
 * written once, in {@link dev.gauntlet.evaluators.webshop.WebShopReward}; the evaluator, registered as a service,
 * also implements {@code BiFunction<goal, purchase, parts>}, and the shop looks it up with
 * {@link java.util.ServiceLoader} when it renders the done page. The done page carries the purchase as JSON, from
 * which the evaluator recomputes the reward against the task's goal. An upstream WebShop server computes its own
 * reward; there the evaluator reads the score from the done page.
 */
package dev.gauntlet.evaluators.webshop;
