/**
 * The run store read back: a run folder's manifest and results rows, checked as they are read, and the statistics
 * that summaries, the leaderboard and run comparisons share.
 */
package dev.gauntlet.reports.store;
