package dev.gauntlet.agents.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code train}: a policy from a dataset file, saved as a model folder with its manifest. */
final class TrainCommand {

    /**
     * What to train.
     *
     * @param data   the dataset file
     * @param out    the model folder to write
     * @param hyper  hyperparameters
     * @param split  the held-out set
     * @param device {@code auto}, {@code cpu} or {@code gpu}
     */
    record Options(Path data, Path out, PolicyTrainer.Hyper hyper, TrainingData.Split split, String device) {}

    private final PrintStream log;

    TrainCommand(PrintStream log) {
        this.log = log;
    }

    ModelManifest run(Options o) throws Exception {
        TrainingData data = TrainingData.read(o.data(), o.split());
        if (data.suites.size() != 1) {
            throw new IllegalArgumentException("dataset " + o.data() + " must hold one suite's episodes, holds "
                    + data.suites);
        }
        Device device = Devices.pick(o.device());
        Engine engine = Devices.engine();
        log.printf("train: %d decisions for training, %d held out (%s) from %d successful episodes, on %s%n",
                data.train.size(), data.heldOut.size(), o.split().describe(), data.episodes, device);
        try (NDManager manager = engine.newBaseManager(device);
             PolicyModel model = PolicyModel.init(o.hyper().shape(), manager, o.hyper().seed())) {
            PolicyTrainer.Metrics m = new PolicyTrainer(log).train(model, data, o.hyper());
            log.printf("train: loss %.4f -> %.4f, accuracy train %.3f held-out %.3f, %.1f s (%.0f ms per 1,000 steps)%n",
                    m.firstLoss(), m.lastLoss(), m.trainAccuracy(), m.heldOutAccuracy(), m.seconds(),
                    m.msPerThousandSteps());
            ModelManifest manifest = manifest(o, data, m, model, device);
            ModelFolder.save(o.out(), model, manifest, vocabulary(model, data));
            log.println("train: model folder " + o.out());
            return ModelFolder.manifest(o.out(), null);
        }
    }

    private ModelManifest manifest(Options o, TrainingData data, PolicyTrainer.Metrics m, PolicyModel model,
                                   Device device) throws java.io.IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", o.data().getFileName().toString());
        d.put("sha256", DatasetFile.sha256(o.data()));
        d.put("successful_episodes", data.episodes);
        d.put("split", o.split().heldOutTasks().isEmpty() ? "seed" : "task");
        d.put("held_out_seeds", o.split().heldOutSeeds().stream().sorted().toList());
        d.put("held_out_tasks", o.split().heldOutTasks().stream().sorted().toList());
        Map<String, Object> h = new LinkedHashMap<>();
        PolicyTrainer.Hyper hy = o.hyper();
        h.put("steps", hy.steps());
        h.put("batch", hy.batch());
        h.put("lr", hy.lr());
        h.put("buckets", hy.shape().buckets());
        h.put("hidden", hy.shape().hidden());
        h.put("mlp", hy.shape().mlp());
        h.put("date_values", hy.shape().dateValues());
        h.put("seed", hy.seed());
        h.put("max_candidates", Policy.MAX_CANDIDATES);
        h.put("parameters", model.parameterCount());
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("first_loss", m.firstLoss());
        mm.put("last_loss", m.lastLoss());
        mm.put("train_step_accuracy", m.trainAccuracy());
        mm.put("held_out_step_accuracy", Double.isNaN(m.heldOutAccuracy()) ? null : m.heldOutAccuracy());
        mm.put("train_decisions", m.trainDecisions());
        mm.put("held_out_decisions", m.heldOutDecisions());
        mm.put("train_seconds", m.seconds());
        mm.put("ms_per_1000_steps", m.msPerThousandSteps());
        mm.put("device", device.toString());
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", Devices.engine().getVersion());
        versions.put("java", System.getProperty("java.version"));
        return new ModelManifest(ModelFolder.FORMAT, "policy", data.suites.iterator().next(), Dataset.SCHEMA,
                Features.VERSION, d, h, mm, "", versions, List.copyOf(data.trainTasks), Instant.now().toString());
    }

    private static Map<String, Integer> vocabulary(PolicyModel model, TrainingData data) {
        Map<String, Integer> counts = new HashMap<>();
        for (Decision d : data.train) {
            model.features.query(d.instruction(), d.history()).forEach(f -> counts.merge(f, 1, Integer::sum));
            for (int j = 0; j < d.elements().size(); j++) {
                model.features.element(d.elements(), j, d.instruction(), d.history())
                        .forEach(f -> counts.merge(f, 1, Integer::sum));
            }
        }
        return counts;
    }

    static TrainingData.Split split(String seeds, String tasks) {
        Set<Long> s = seeds.isEmpty() ? Set.of() : Set.copyOf(SeedRange.parse("--heldOutSeeds", seeds).seeds());
        Set<String> t = tasks.isEmpty() ? Set.of() : Set.of(tasks.split(","));
        return new TrainingData.Split(s, t);
    }
}
