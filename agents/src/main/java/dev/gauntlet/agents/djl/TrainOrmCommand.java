package dev.gauntlet.agents.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code train-orm}: the outcome reward model from a dataset's scored episodes (successes and failures), with its
 * precision, recall and agreement with the oracle on the held-out episodes, saved as a model folder of kind
 * {@code orm}.
 */
final class TrainOrmCommand {

    record Options(Path data, Path out, int steps, int batch, double lr, int buckets, int hidden, long seed,
                   TrainingData.Split split, String device) {}

    private final PrintStream log;

    TrainOrmCommand(PrintStream log) {
        this.log = log;
    }

    ModelManifest run(Options o) throws Exception {
        List<OrmModel.View> train = new ArrayList<>();
        List<Float> trainY = new ArrayList<>();
        List<OrmModel.View> held = new ArrayList<>();
        List<Float> heldY = new ArrayList<>();
        Set<String> suites = new TreeSet<>();
        Set<String> trainTasks = new TreeSet<>();
        DatasetFile.read(o.data(), e -> {
            if (e.outcome().equals("unscored")) {
                return;
            }
            suites.add(e.suite());
            boolean out = o.split().heldOut(e);
            (out ? held : train).add(OrmModel.View.of(e));
            (out ? heldY : trainY).add(e.success() ? 1f : 0f);
            if (!out) {
                trainTasks.add(e.task());
            }
        });
        if (suites.size() != 1 || train.isEmpty()) {
            throw new IllegalArgumentException("dataset " + o.data() + " must hold scored episodes of one suite outside"
                    + " the held-out set; holds suites " + suites + ", " + train.size() + " training episodes");
        }
        long positives = trainY.stream().filter(y -> y > 0).count();
        log.printf("train-orm: %d episodes for training (%d successful), %d held out (%s)%n", train.size(), positives,
                held.size(), o.split().describe());
        Engine engine = Devices.engine();
        try (NDManager manager = engine.newBaseManager(Devices.pick(o.device()));
             OrmModel model = OrmModel.init(o.buckets(), o.hidden(), manager, o.seed())) {
            engine.setRandomSeed((int) o.seed());
            Adam adam = new Adam(model.params, manager, (float) o.lr());
            Random order = new Random(o.seed());
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                idx.add(i);
            }
            Collections.shuffle(idx, order);
            int at = 0;
            double first = Double.NaN;
            double last = 0;
            long t0 = System.nanoTime();
            for (int step = 1; step <= o.steps(); step++) {
                List<OrmModel.View> b = new ArrayList<>();
                float[] y = new float[o.batch()];
                for (int k = 0; k < o.batch(); k++) {
                    if (at == idx.size()) {
                        Collections.shuffle(idx, order);
                        at = 0;
                    }
                    int i = idx.get(at++);
                    b.add(train.get(i));
                    y[k] = trainY.get(i);
                }
                try (NDManager sub = manager.newSubManager()) {
                    adam.attach(sub);
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        NDArray p = Activation.sigmoid(model.logits(sub, b)).clip(1e-6f, 1 - 1e-6f);
                        NDArray t = sub.create(y);
                        NDArray loss = t.mul(p.log()).add(t.neg().add(1).mul(p.neg().add(1).log())).neg().mean();
                        last = loss.getFloat();
                        gc.backward(loss);
                    }
                    adam.step();
                }
                if (step == 1) {
                    first = last;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("first_loss", first);
            metrics.put("last_loss", last);
            metrics.put("train", agreement(model, train, trainY));
            metrics.put("held_out", held.isEmpty() ? null : agreement(model, held, heldY));
            metrics.put("train_seconds", seconds);
            log.printf("train-orm: loss %.4f -> %.4f; held-out %s; %.1f s%n", first, last, metrics.get("held_out"),
                    seconds);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("file", o.data().getFileName().toString());
            data.put("sha256", DatasetFile.sha256(o.data()));
            data.put("split", o.split().heldOutTasks().isEmpty() ? "seed" : "task");
            data.put("held_out_seeds", o.split().heldOutSeeds().stream().sorted().toList());
            data.put("held_out_tasks", o.split().heldOutTasks().stream().sorted().toList());
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("steps", o.steps());
            h.put("batch", o.batch());
            h.put("lr", o.lr());
            h.put("buckets", o.buckets());
            h.put("hidden", o.hidden());
            h.put("seed", o.seed());
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put("djl", Engine.getDjlVersion());
            versions.put("pytorch", engine.getVersion());
            versions.put("java", System.getProperty("java.version"));
            ModelManifest manifest = new ModelManifest(ModelFolder.FORMAT, "orm", suites.iterator().next(),
                    Dataset.SCHEMA, OrmModel.FEATURES, data, h, metrics, "", versions, List.copyOf(trainTasks),
                    Instant.now().toString());
            Map<String, Integer> vocabulary = new HashMap<>();
            train.forEach(v -> OrmModel.features(v).forEach(f -> vocabulary.merge(f, 1, Integer::sum)));
            ModelFolder.save(o.out(), model.encode(), model.hashing, manifest, vocabulary);
            log.println("train-orm: model folder " + o.out());
            return ModelFolder.manifest(o.out(), "orm", null);
        }
    }

    /** Precision, recall and agreement (accuracy) of P(success) ≥ 0.5 against the oracle. */
    static Map<String, Object> agreement(OrmModel model, List<OrmModel.View> views, List<Float> labels) {
        float[] p = model.probabilities(views);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int agree = 0;
        for (int i = 0; i < p.length; i++) {
            boolean said = p[i] >= 0.5f;
            boolean truth = labels.get(i) > 0;
            tp += said && truth ? 1 : 0;
            fp += said && !truth ? 1 : 0;
            fn += !said && truth ? 1 : 0;
            agree += said == truth ? 1 : 0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", p.length);
        m.put("agreement", p.length == 0 ? null : (double) agree / p.length);
        m.put("precision", tp + fp == 0 ? null : (double) tp / (tp + fp));
        m.put("recall", tp + fn == 0 ? null : (double) tp / (tp + fn));
        return m;
    }
}
