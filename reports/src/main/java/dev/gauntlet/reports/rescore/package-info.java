/**
 * Re-scoring a stored run without running the agents again: each episode's trajectory is read back from its run
 * folder, scored again by its task's oracle where the oracle needs no live page and by every judge, and written beside
 * the old results ({@code rescored/results.csv}, {@code rescored/summary.json}).
 */
package dev.gauntlet.reports.rescore;
