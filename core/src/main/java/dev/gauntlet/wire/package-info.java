/**
 * The JSON forms the harness speaks to programs outside the JVM (remote agents, environment-server clients), in
 * BrowserGym's vocabulary; the schema is {@code clients/protocol/agent-protocol.json}.
 */
package dev.gauntlet.wire;
