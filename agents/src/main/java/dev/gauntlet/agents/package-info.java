/** Built-in agents: {@code replay} (gold demonstrations), {@code random} and {@code heuristic} baselines. */
package dev.gauntlet.agents;
