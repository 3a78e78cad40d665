/**
 * Gauntlet's public API: suites list tasks and start episodes, agents act on observations, evaluators turn
 * trajectories into verdicts, run listeners write reports. Everything else in Gauntlet is built on these types.
 */
package dev.gauntlet.api;
