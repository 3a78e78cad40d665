/**
 * WebArena and WebArena-Lite: tasks from the upstream config format (or the built-in offline sample), the
 * WebArena action protocol and early-stop rules, site URLs, login, health checks, resets and dependency order.
 */
package dev.gauntlet.suites.webarena;
