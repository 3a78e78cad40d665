package dev.gauntlet.engine;

import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.JudgeSpec;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.suite.Suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The suites, agents, judges and run listeners found on the class path through {@link ServiceLoader}. */
final class Registry {

    private final ClassLoader loader;
    private final Map<String, ServiceLoader.Provider<Agent>> agents = new TreeMap<>();

    Registry(ClassLoader loader) {
        this.loader = loader;
        for (ServiceLoader.Provider<Agent> p : ServiceLoader.load(Agent.class, loader).stream().toList()) {
            agents.put(p.get().name(), p);
        }
    }

    /** Returns a new instance of each named suite; unknown names are one error listing what exists. */
    List<Suite> suites(List<String> names) {
        Map<String, Suite> all = new TreeMap<>();
        for (Suite s : ServiceLoader.load(Suite.class, loader)) {
            all.put(s.name(), s);
        }
        if (names.size() == 1 && names.get(0).equals("all")) {
            return new ArrayList<>(all.values());
        }
        List<Suite> out = new ArrayList<>();
        for (String name : names) {
            Suite s = all.get(name);
            if (s == null) {
                throw new ConfigException("unknown suite '" + name + "'; available: " + String.join(", ", all.keySet())
                        + (all.isEmpty() ? "(none on the class path)" : ", all"));
            }
            out.add(s);
        }
        return out;
    }

    /** Checks an agent spec and returns its name. */
    AgentSpec agent(String spec) {
        AgentSpec parsed = AgentSpec.parse(spec);
        if (!agents.containsKey(parsed.name())) {
            throw new ConfigException("unknown agent '" + parsed.name() + "'; available: "
                    + (agents.isEmpty() ? "(none on the class path)" : String.join(", ", agents.keySet())));
        }
        return parsed;
    }

    /**
     * Lets the agent prepare once at discovery ({@link Agent#prepare}); its problems stop the run. Bad arguments are
     * left to the episodes, which report them as before.
     */
    void prepare(AgentSpec spec, Config config) {
        Agent agent = agents.get(spec.name()).get();
        try {
            agent.configure(spec.args());
        } catch (ConfigException e) {
            return;
        }
        try {
            agent.prepare(config);
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigException("agent '" + spec.name() + "' cannot start: " + e.getMessage());
        }
    }

    /** Returns a fresh, configured agent for one episode. */
    Agent newAgent(AgentSpec spec) {
        Agent agent = agents.get(spec.name()).get();
        agent.configure(spec.args());
        return agent;
    }

    /**
     * Returns the judges of the given specs ({@code name} or {@code name:key=value,...}), in order, configured and
     * prepared ({@link Judge#prepare}): an unknown name, a bad argument or a judge that cannot start is one error
     * before any episode runs.
     */
    List<Judge> judges(List<String> specs, Config config) {
        return JudgeSpec.load(specs, config, loader);
    }

    /** Returns the run listeners (reports). */
    List<RunListener> listeners() {
        List<RunListener> out = new ArrayList<>();
        ServiceLoader.load(RunListener.class, loader).forEach(out::add);
        return out;
    }
}
