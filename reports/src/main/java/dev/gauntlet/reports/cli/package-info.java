/** Command-line tools over the run store: compare two runs, regenerate the leaderboard, regenerate a report. */
package dev.gauntlet.reports.cli;
