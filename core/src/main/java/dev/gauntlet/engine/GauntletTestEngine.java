package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.GauntletBenchmark;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code gauntlet} JUnit Platform engine: every task × seed of the selected suites becomes a test.
 *
 * <p>It discovers tests when a class annotated {@link GauntletBenchmark} is selected (Failsafe, an IDE "Run") or
 * when unique ids of its own are selected (an IDE rerun of one task). Everything else leaves it empty.
 */
public final class GauntletTestEngine implements TestEngine {

    /** The engine id, first segment of every unique id. */
    public static final String ENGINE_ID = "gauntlet";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.gauntlet");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("gauntlet-core");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        Class<?> marker = null;
        for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
            Class<?> c = selector.getJavaClass();
            if (c.isAnnotationPresent(GauntletBenchmark.class)) {
                marker = c;
            }
        }
        List<UniqueId> selected = new ArrayList<>();
        for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
            if (selector.getUniqueId().getEngineId().filter(ENGINE_ID::equals).isPresent()) {
                selected.add(selector.getUniqueId());
            }
        }
        Config config = Config.from(key -> request.getConfigurationParameters().get(key));
        RunDescriptor run = new RunDescriptor(uniqueId, config);
        if (marker == null && selected.isEmpty()) {
            return run;
        }
        try {
            new TreeBuilder(run, marker, selected, (where, message) -> request.getDiscoveryListener()
                    .issueEncountered(uniqueId, DiscoveryIssue.create(DiscoveryIssue.Severity.WARNING,
                            where + ": " + message))).build();
        } catch (ConfigException e) {
            // said at once and recorded for the build gate: a runner may never execute a plan without tests
            run.configError = e.getMessage();
            System.err.println("[gauntlet] " + e.getMessage());
            BuildGate.record(config, null, e.getMessage(), List.of());
            new java.util.ArrayList<>(run.getChildren()).forEach(run::removeChild); // a copy: removing while iterating
            run.addChild(new Descriptors.ConfigurationDescriptor(uniqueId.append("configuration", "error")));
        }
        return run;
    }

    @Override
    public void execute(ExecutionRequest request) {
        RunDescriptor run = (RunDescriptor) request.getRootTestDescriptor();
        new RunExecutor(run, request.getEngineExecutionListener()).execute();
    }
}
