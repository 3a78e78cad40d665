package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's root: the run's configuration, what was discovered, and a configuration error if any. */
final class RunDescriptor extends EngineDescriptor {

    /** The run's configuration; discovery adds the suites' default judges when the run names none. */
    Config config;
    final List<OpenedSuite> suites = new ArrayList<>();
    final List<AgentSpec> agents = new ArrayList<>();
    final List<Long> seeds = new ArrayList<>();
    /** Suite name → why it cannot run at all (skipped with this reason). */
    final Map<String, String> unavailable = new LinkedHashMap<>();
    /** Suite name → where its tasks came from. */
    final Map<String, String> sources = new LinkedHashMap<>();
    Registry registry;
    RunSettings settings;
    final List<dev.gauntlet.api.Judge> judges = new ArrayList<>();
    /** Judges the opened task sets asked for because the run named none. */
    final List<String> defaultJudges = new ArrayList<>();
    String configError;
    /** The folder decided at discovery: the run being resumed, or a fixed run id's; null for a new time-stamped one. */
    RunDirectory directory;
    boolean resuming;

    RunDescriptor(UniqueId uniqueId, Config config) {
        super(uniqueId, "Gauntlet");
        this.config = config;
    }

    @Override
    public boolean mayRegisterTests() {
        return false;
    }
}
