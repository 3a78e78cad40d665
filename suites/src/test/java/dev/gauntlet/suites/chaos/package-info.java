/** Chaos tests across modules: the judges' model server down for a run, hostile inputs fuzzed. */
package dev.gauntlet.suites.chaos;
