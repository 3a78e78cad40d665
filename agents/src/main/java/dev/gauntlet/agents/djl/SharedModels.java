package dev.gauntlet.agents.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.ModelDevice;
import dev.gauntlet.api.Settings;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link BatchingPredictor} per model folder, device and batching per JVM, loaded on first use and shared by
 * every episode: a folder with {@code model.pt} is a user's TorchScript policy ({@link TorchScriptFolder}), else a
 * model written by {@code train}. With no model folder, the default model: trained once from the built-in MiniWoB tasks' gold
 * demonstrations of seeds 100–119 (so the suite's own seeds are held out) and cached in the build directory.
 */
final class SharedModels {

    /** Where the default model is cached: {@code djl.defaultModel}, else {@code target/djl-default-model}. */
    static final String DEFAULT_MODEL_PROPERTY = "djl.defaultModel";
    static final List<Long> DEFAULT_SEEDS = java.util.stream.LongStream.rangeClosed(100, 119).boxed().toList();
    static final int DEFAULT_STEPS = 1500;

    private static final Map<String, BatchingPredictor> PREDICTORS = new ConcurrentHashMap<>();
    private static Path defaultDir;

    private SharedModels() {}

    /**
     * Returns the shared predictor; every problem is one line naming the file and what was expected. A policy is
     * trained for one suite (its manifest's {@code suite}): a run of one other suite refuses it here; a run of several
     * suites loads it and the agent refuses the other suites' episodes.
     */
    static BatchingPredictor get(Path model, Config config, int maxBatch, double maxWaitMs) {
        ModelDevice choice = Settings.DEVICE.read(config);
        String suite = runSuite(config);
        if (model == null && suite != null && !suite.equals("miniwob")) {
            throw new ConfigException("agent 'djl': the default model plays MiniWoB only, and this run's suite is '"
                    + suite + "': train a policy on its episodes and give it as model=PATH (README, \"In-process"
                    + " models\")");
        }
        Path dir = model != null ? model : defaultModel(config, System.out);
        if (suite != null && !TorchScriptFolder.holdsOne(dir)) {
            try {
                ModelFolder.manifest(dir, suite); // also when this JVM holds its predictor for a run of its own suite
            } catch (IllegalArgumentException e) {
                throw new ConfigException("agent 'djl': " + e.getMessage());
            }
        }
        String key = dir.toAbsolutePath().normalize() + "|" + choice + "|" + maxBatch + "|" + maxWaitMs;
        return PREDICTORS.computeIfAbsent(key, k -> {
            try {
                Device device = Devices.pick(choice);
                if (TorchScriptFolder.holdsOne(dir)) {
                    return new BatchingPredictor(TorchScriptFolder.load(dir, device), maxBatch, maxWaitMs);
                }
                NDManager manager = Devices.engine().newBaseManager(device);
                PolicyModel m = ModelFolder.load(dir, suite, manager);
                return new BatchingPredictor(new Policy(m, ModelFolder.manifest(dir, null).suite()), maxBatch,
                        maxWaitMs);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("agent 'djl': " + e.getMessage());
            }
        });
    }

    /** The run's one suite ({@code gauntlet.suite}); {@code null} when it runs several or {@code all}. */
    static String runSuite(Config config) {
        String s = Settings.SUITE.read(config);
        s = s == null ? "" : s.strip();
        return s.isEmpty() || s.contains(",") || s.equals("all") ? null : s;
    }

    /** The default model's folder, trained now when no valid one is cached. */
    static synchronized Path defaultModel(Config config, PrintStream log) {
        Path dir = Path.of(System.getProperty(DEFAULT_MODEL_PROPERTY, "target/djl-default-model"));
        if (dir.equals(defaultDir)) {
            return dir; // said once per JVM
        }
        try {
            ModelFolder.manifest(dir, "miniwob");
            log.println("djl: no model given (-Dagent=djl:model=PATH); using the default model cached in " + dir);
            defaultDir = dir;
            return dir;
        } catch (IllegalArgumentException missing) {
            // not there yet, or from an older build: train it
        }
        log.println("djl: no model given (-Dagent=djl:model=PATH); training the default model from the built-in"
                + " MiniWoB gold demonstrations of seeds 100..119 into " + dir + " (once; later runs reuse it)");
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve("gold-100-119.jsonl");
            new ExportCommand(config.with(Map.of("miniwob.dir", "", "miniwob.url", "")), log).run(
                    new ExportCommand.Options(data, "miniwob", List.of(), DEFAULT_SEEDS, List.of(), 10));
            PolicyTrainer.Hyper h = new PolicyTrainer.Hyper(DEFAULT_STEPS, 32, 0.01,
                    new PolicyModel.Shape3(4096, 32, 64), 0);
            new TrainCommand(log).run(new TrainCommand.Options(data, dir, h,
                    new TrainingData.Split(java.util.Set.of(), java.util.Set.of()), "auto"));
            defaultDir = dir;
            return dir;
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ConfigException("agent 'djl': cannot train the default model: " + e.getMessage());
        } catch (Exception e) {
            throw new ConfigException("agent 'djl': cannot train the default model in " + dir + ": " + e);
        }
    }
}
