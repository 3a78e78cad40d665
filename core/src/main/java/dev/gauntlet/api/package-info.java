/**
 * Gauntlet's public API for agent, oracle and judge authors: agents act on observations, oracles and judges turn
 * trajectories into verdicts, run listeners write reports, settings are declared and read typed. It depends on no
 * browser library: the live page is a {@link dev.gauntlet.api.BrowserPage}. What a benchmark implements is in
 * {@code dev.gauntlet.suite}.
 */
package dev.gauntlet.api;
