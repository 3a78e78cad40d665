/**
 * What a benchmark implements: a {@link dev.gauntlet.suite.Suite} (its definition, settings and defaults) opens a
 * {@link dev.gauntlet.suite.TaskSet} (its tasks for one run) that starts episodes in the worker's browser. Optional
 * behaviours are narrow interfaces a task set implements. Unlike {@code dev.gauntlet.api}, this package may use the
 * browser runtime.
 */
package dev.gauntlet.suite;
