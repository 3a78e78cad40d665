/**
 * WebArena's and WebArena-Lite's own checks (string_match, url_match, program_html), reproduced with their quirks; the
 * one {@link dev.gauntlet.api.Evaluator} of oracle type {@code webarena} multiplies them.
 */
package dev.gauntlet.evaluators.webarena;
