package dev.gauntlet.suite;

import dev.gauntlet.api.Config;

/** What a suite sees while it opens its tasks. */
public interface SuiteContext {

    /** Returns the run's configuration. */
    Config config();

    /** Reports a problem with one task entry ({@code where}: file and field) without stopping discovery. */
    void problem(String where, String message);
}
