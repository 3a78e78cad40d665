/**
 * The run store, written as a run goes by run listeners: {@code manifest.json}, {@code results.csv},
 * {@code trajectories/*.jsonl}, {@code summary.json}, Allure results with per-step screenshots and the offline HTML
 * report, and the leaderboard regenerated from all runs.
 */
package dev.gauntlet.reports;
