/** Reports written as a run goes: results CSV, Allure results with per-step screenshots, and the leaderboard. */
package dev.gauntlet.reports;
