/**
 * LLM/VLM judges, selected with {@code -Djudge=name[,name]}: {@code webvoyager}, {@code eval-refine},
 * {@code axtree}, {@code webjudge} and {@code orm}, each after a published auto-evaluator design, with prompts in our
 * own words. A judge that cannot reach its model or read its reply returns an unscored verdict naming the cause.
 */
package dev.gauntlet.evaluators.judge;
