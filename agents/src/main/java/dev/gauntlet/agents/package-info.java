/** Built-in agents: {@code replay} (gold demonstrations), {@code random} and {@code heuristic} baselines, and WebShop's {@code rule} baseline. */
package dev.gauntlet.agents;
