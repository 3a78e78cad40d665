package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Trains a {@link PolicyModel} with minibatch Adam on cross-entropy over elements, operations and values. */
final class PolicyTrainer {

    /**
     * Hyperparameters.
     *
     * @param steps   optimiser steps
     * @param batch   decisions per step
     * @param lr      Adam's learning rate
     * @param shape   the network's size
     * @param seed    seeds the initial values and the order of examples
     */
    record Hyper(int steps, int batch, double lr, PolicyModel.Shape3 shape, long seed) {}

    /** What training measured. */
    record Metrics(double firstLoss, double lastLoss, double trainAccuracy, double heldOutAccuracy,
                   int trainDecisions, int heldOutDecisions, double seconds, double msPerThousandSteps) {}

    private final PrintStream log;

    PolicyTrainer(PrintStream log) {
        this.log = log;
    }

    Metrics train(PolicyModel model, TrainingData data, Hyper h) {
        if (data.train.isEmpty()) {
            throw new IllegalArgumentException("the training set has no decisions (no successful episodes outside the"
                    + " held-out set)");
        }
        Devices.engine().setRandomSeed((int) h.seed());
        Adam adam = new Adam(model.params, model.manager, (float) h.lr());
        Random order = new Random(h.seed());
        List<Decision> pool = new ArrayList<>(data.train);
        Collections.shuffle(pool, order);
        int at = 0;
        double first = Double.NaN;
        double recent = 0;
        int recentN = 0;
        long t0 = System.nanoTime();
        for (int step = 1; step <= h.steps(); step++) {
            List<Decision> batch = new ArrayList<>(h.batch());
            for (int k = 0; k < h.batch(); k++) {
                if (at == pool.size()) {
                    Collections.shuffle(pool, order);
                    at = 0;
                }
                batch.add(pool.get(at++));
            }
            double loss;
            try (NDManager sub = model.manager.newSubManager()) {
                adam.attach(sub);
                try (GradientCollector gc = Devices.engine().newGradientCollector()) {
                    NDArray l = loss(model, sub, batch);
                    loss = l.getFloat();
                    gc.backward(l);
                }
                adam.step();
            }
            if (step == 1) {
                first = loss;
            }
            if (step > h.steps() - Math.max(1, h.steps() / 10)) {
                recent += loss;
                recentN++;
            }
            if (step % Math.max(1, h.steps() / 5) == 0) {
                log.printf("train: step %d/%d loss %.4f%n", step, h.steps(), loss);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Policy policy = new Policy(model);
        return new Metrics(first, recent / recentN, accuracy(policy, data.train), accuracy(policy, data.heldOut),
                data.train.size(), data.heldOut.size(), seconds, seconds * 1e6 / h.steps());
    }

    private static NDArray loss(PolicyModel model, NDManager m, List<Decision> batch) {
        PolicyModel.Batch b = model.encode(m, batch, Policy.MAX_CANDIDATES);
        int[] gold = new int[batch.size()];
        int[] ops = new int[batch.size()];
        int[] values = new int[batch.size()];
        float[] hasValue = new float[batch.size()];
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Decision d = batch.get(i);
            gold[i] = PolicyModel.goldIndex(d, Policy.MAX_CANDIDATES);
            chosen.add(gold[i]);
            ops[i] = Operation.PREDICTED.indexOf(d.goldOp());
            int v = ValueCandidates.target(model.features.valueCandidates(d.instruction()), d.goldValue());
            values[i] = Math.max(v, 0);
            hasValue[i] = v >= 0 && !d.goldValue().isEmpty() ? 1 : 0;
        }
        NDArray goldArr = m.create(gold);
        NDList sc = model.scores(b);
        NDArray elementLoss = sc.get(0).logSoftmax(1).mul(goldArr.oneHot(b.candidates())).sum(new int[]{1}).neg().mean();
        NDArray opLogits = model.operations(sc.get(1), goldArr, b.candidates());
        NDArray opLoss = opLogits.logSoftmax(1).mul(m.create(ops).oneHot(Operation.PREDICTED.size()))
                .sum(new int[]{1}).neg().mean();
        NDArray loss = elementLoss.add(opLoss);
        float valued = 0;
        for (float f : hasValue) {
            valued += f;
        }
        if (valued > 0) {
            NDList v = model.encodeValues(m, batch, chosen, Policy.MAX_CANDIDATES);
            NDArray vs = model.values(v.get(0), v.get(1), v.get(2));
            int width = (int) vs.getShape().get(1);
            NDArray valueLoss = vs.logSoftmax(1).mul(m.create(values).oneHot(width)).sum(new int[]{1})
                    .mul(m.create(hasValue)).sum().neg().div(valued);
            loss = loss.add(valueLoss);
        }
        return loss;
    }

    /** The share of decisions whose element, operation and value are all right. */
    static double accuracy(Policy policy, List<Decision> ds) {
        if (ds.isEmpty()) {
            return Double.NaN;
        }
        int right = 0;
        for (int i = 0; i < ds.size(); i += 256) {
            List<Decision> chunk = ds.subList(i, Math.min(ds.size(), i + 256));
            List<Decision.Choice> cs = policy.decide(chunk);
            for (int k = 0; k < chunk.size(); k++) {
                right += Policy.correct(chunk.get(k), cs.get(k)) ? 1 : 0;
            }
        }
        return (double) right / ds.size();
    }
}
