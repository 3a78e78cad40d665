package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDManager;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench}: the policy's (a trained one, or a user's TorchScript policy) inference cost per decision with 1, 2,
 * 4 and 8 workers calling one shared predictor, unbatched ({@code maxBatch} 1) against batched, on a dataset's decisions; then training time per 1,000 steps.
 */
final class BenchCommand {

    private final PrintStream log;

    BenchCommand(PrintStream log) {
        this.log = log;
    }

    void run(Path data, Path model, String device, int perWorker, int maxBatch, double maxWaitMs, int trainSteps)
            throws Exception {
        TrainingData d = TrainingData.read(data, new TrainingData.Split(java.util.Set.of(), java.util.Set.of()));
        List<Decision> ds = new ArrayList<>();
        for (Decision x : d.train) {
            ds.add(Decision.ask(x.instruction(), x.elements(), x.history()));
        }
        try (NDManager manager = Devices.engine().newBaseManager(Devices.pick(device))) {
            // a user's TorchScript policy (model.pt) is measured as the trained one is
            Decider policy = TorchScriptFolder.holdsOne(model) ? TorchScriptFolder.load(model, manager.getDevice())
                    : new Policy(ModelFolder.load(model, null, manager));
            log.printf("bench: %s, %d decisions per worker, device %s, PyTorch threads %s%n", model, perWorker,
                    manager.getDevice(), System.getProperty("ai.djl.pytorch.num_threads"));
            measure(policy, ds, 2, perWorker, 1, 0); // warm-up
            log.println("| workers | unbatched ms/decision | batched ms/decision | mean batch | speed-up |");
            log.println("|---|---|---|---|---|");
            for (int workers : new int[]{1, 2, 4, 8}) {
                double[] alone = measure(policy, ds, workers, perWorker, 1, 0);
                double[] batched = measure(policy, ds, workers, perWorker, maxBatch, maxWaitMs);
                log.printf("| %d | %.3f | %.3f | %.2f | %.2f× |%n", workers, alone[0], batched[0], batched[1],
                        alone[0] / batched[0]);
            }
        }
        if (trainSteps > 0) {
            try (NDManager manager = Devices.engine().newBaseManager(Devices.pick(device));
                 PolicyModel fresh = PolicyModel.init(new PolicyModel.Shape3(4096, 32, 64), manager, 0)) {
                PolicyTrainer.Metrics t = new PolicyTrainer(new PrintStream(PrintStream.nullOutputStream())).train(
                        fresh, d, new PolicyTrainer.Hyper(trainSteps, 32, 0.01, fresh.shape, 0));
                log.printf("bench: training %d steps of batch 32: %.1f s, %.0f ms per 1,000 steps%n", trainSteps,
                        t.seconds(), t.msPerThousandSteps());
            }
        }
    }

    /** Returns wall ms per decision (all workers' decisions over the elapsed time) and the mean batch size. */
    private static double[] measure(Decider policy, List<Decision> ds, int workers, int perWorker, int maxBatch,
                                    double maxWaitMs) throws Exception {
        try (BatchingPredictor p = new BatchingPredictor(policy, maxBatch, maxWaitMs)) {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int offset = w * 7;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < perWorker; i++) {
                        p.decide(ds.get((offset + i) % ds.size()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            pool.shutdown();
            long[] c = p.counts();
            return new double[]{ms / c[0], (double) c[0] / c[1]};
        }
    }
}
