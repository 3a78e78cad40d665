/** Agents and environments across the process boundary: the Python client against real suites in real Chromium. */
package dev.gauntlet.suites.remote;
