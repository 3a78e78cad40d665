package dev.gauntlet.engine;

import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.TaskSet;

/** A selected suite and its tasks as opened for this run ({@code tasks} is null until it is opened). */
final class OpenedSuite {

    final Suite suite;
    TaskSet tasks;
    /** The seeds its tasks run with (the configured ones, or the suite's default). */
    java.util.List<Long> seeds = java.util.List.of();
    /** The judges that score its episodes: the configured ones, or the task set's defaults when none are. */
    java.util.List<dev.gauntlet.api.Judge> judges = java.util.List.of();

    OpenedSuite(Suite suite) {
        this.suite = suite;
    }

    String name() {
        return suite.name();
    }
}
