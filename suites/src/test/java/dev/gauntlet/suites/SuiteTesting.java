package dev.gauntlet.suites;

import dev.gauntlet.api.Config;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.util.ArrayList;
import java.util.List;

/** Opens a suite outside the engine, as the engine does, for tests and benchmark commands. */
public final class SuiteTesting {

    private SuiteTesting() {}

    /** Opens {@code suite} under {@code config}; a discovery problem fails at once. */
    public static TaskSet open(Suite suite, Config config) throws Exception {
        return suite.open(context(config, null));
    }

    /** Opens {@code suite} under {@code config}, collecting discovery problems ({@code where: message}) into {@code problems}. */
    public static TaskSet open(Suite suite, Config config, List<String> problems) throws Exception {
        return suite.open(context(config, problems));
    }

    private static SuiteContext context(Config config, List<String> problems) {
        return new SuiteContext() {
            @Override
            public Config config() {
                return config;
            }

            @Override
            public void problem(String where, String message) {
                if (problems == null) {
                    throw new IllegalStateException(where + ": " + message);
                }
                problems.add(where + ": " + message);
            }
        };
    }

    /** Returns a new list, for collecting problems. */
    public static List<String> problems() {
        return new ArrayList<>();
    }
}
