/**
 * The {@code gauntlet} JUnit Platform engine: discovery of the suite → task → seed tree, parallel execution on
 * per-worker browsers, the run folder and the build gate. Only the engine class and the gate are public.
 */
package dev.gauntlet.engine;
