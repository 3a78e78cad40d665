/**
 * The {@code remote} agent: an agent in any language behind an HTTP server speaking the versioned JSON protocol of
 * {@code clients/protocol/agent-protocol.json} (episode start, one call per step, episode end).
 */
package dev.gauntlet.agents.remote;
