package dev.gauntlet.serve;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Settings;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.SuiteContext;
import dev.gauntlet.suite.TaskSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The suites on the class path ({@link ServiceLoader}), each opened on first use as the engine opens it (its
 * settings checked first) and kept open until the server stops; a task set starts episodes from any thread.
 */
final class SuiteCatalog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SuiteCatalog.class.getName());

    private final Config config;
    private final Map<String, Suite> suites = new TreeMap<>();
    private final Map<String, TaskSet> opened = new TreeMap<>();

    SuiteCatalog(Config config) {
        this.config = config;
        ServiceLoader.load(Suite.class).forEach(s -> suites.put(s.name(), s));
    }

    List<String> names() {
        return new ArrayList<>(suites.keySet());
    }

    Suite suite(String name) throws HttpError {
        Suite s = suites.get(name);
        if (s == null) {
            throw new HttpError(404, "unknown suite '" + name + "'; available: " + suites.keySet());
        }
        return s;
    }

    /** Returns the suite's opened task set, opening it now if needed. */
    synchronized TaskSet open(String name) throws Exception {
        TaskSet set = opened.get(name);
        if (set != null) {
            return set;
        }
        Suite suite = suite(name);
        List<String> errors = Settings.validate(config, suite.settings());
        if (!errors.isEmpty()) {
            throw new HttpError(503, "suite '" + name + "' cannot open: " + String.join("; ", errors));
        }
        set = suite.open(new SuiteContext() {
            @Override
            public Config config() {
                return config;
            }

            @Override
            public void problem(String where, String message) {
                LOG.warning(() -> name + ": " + where + ": " + message);
            }
        });
        opened.put(name, set);
        return set;
    }

    @Override
    public synchronized void close() {
        for (TaskSet set : opened.values()) {
            try {
                set.close();
            } catch (Exception ignored) {
                // closing at exit
            }
        }
        opened.clear();
    }
}
