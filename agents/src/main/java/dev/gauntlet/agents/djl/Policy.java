package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides a batch of steps with a {@link PolicyModel}: one forward pass ranks every step's elements and picks the
 * operations, a second picks values among the instruction's {@link ValueCandidates} for the steps that type or
 * select. Not thread-safe: the {@code djl} agent's {@link BatchingPredictor} calls it from one thread.
 */
final class Policy implements Decider {

    /** The most elements a step's softmax ranks; later ones are not candidates. */
    static final int MAX_CANDIDATES = 96;

    private final PolicyModel model;
    private final String suite;

    Policy(PolicyModel model) {
        this(model, null);
    }

    /** A policy trained on {@code suite}'s episodes ({@code null}: not said), which plays only that suite's tasks. */
    Policy(PolicyModel model, String suite) {
        this.model = model;
        this.suite = suite;
    }

    PolicyModel model() {
        return model;
    }

    @Override
    public String suite() {
        return suite;
    }

    @Override
    public List<Decision.Choice> decide(List<Decision> ds) {
        return decide(ds, ds.stream().map(this::prepare).toList());
    }

    /** Encodes a decision's features; the batching predictor has each worker do this for its own request. */
    @Override
    public Object prepare(Decision d) {
        return model.encodeOne(d, MAX_CANDIDATES);
    }

    @Override
    public List<Decision.Choice> decide(List<Decision> ds, List<Object> prepared) {
        try (NDManager sub = model.manager.newSubManager()) {
            model.params.values().forEach(p -> p.tempAttach(sub));
            PolicyModel.Batch b = model.stack(sub, prepared.stream().map(PolicyModel.Encoded.class::cast).toList());
            NDList sc = model.scores(b);
            NDArray probs = sc.get(0).softmax(1);
            NDArray pick = sc.get(0).argMax(1).toType(DataType.INT32, false);
            long[] ops = model.operations(sc.get(1), pick, b.candidates()).argMax(1).toLongArray();
            int[] picks = pick.toIntArray();
            float[] p = probs.toFloatArray();
            // values only for the steps that type or select: a click's value is never used
            List<Integer> typing = new ArrayList<>();
            for (int i = 0; i < ds.size(); i++) {
                Operation op = Operation.PREDICTED.get((int) ops[i]);
                if (op == Operation.FILL || op == Operation.SELECT) {
                    typing.add(i);
                }
            }
            long[] values = new long[ds.size()];
            if (!typing.isEmpty()) {
                List<Decision> typed = typing.stream().map(ds::get).toList();
                List<Integer> chosen = typing.stream().map(i -> picks[i]).toList();
                NDList v = model.encodeValues(sub, typed, chosen, MAX_CANDIDATES);
                long[] picked = model.values(v.get(0), v.get(1), v.get(2)).argMax(1).toLongArray();
                for (int k = 0; k < typing.size(); k++) {
                    values[typing.get(k)] = picked[k];
                }
            }
            List<Decision.Choice> out = new ArrayList<>();
            for (int i = 0; i < ds.size(); i++) {
                Operation op = Operation.PREDICTED.get((int) ops[i]);
                String value = "";
                if (op == Operation.FILL || op == Operation.SELECT) {
                    List<String> spans = model.features.valueCandidates(ds.get(i).instruction());
                    value = spans.isEmpty() ? "" : spans.get((int) Math.min(values[i], spans.size() - 1));
                }
                out.add(new Decision.Choice(picks[i], op, value, p[i * b.candidates() + picks[i]]));
            }
            return out;
        }
    }

    /** Whether a choice matches the decision's gold element, operation and (for fill and select) value. */
    static boolean correct(Decision d, Decision.Choice c) {
        if (c.element() != PolicyModel.goldIndex(d, MAX_CANDIDATES) || c.operation() != d.goldOp()) {
            return false;
        }
        return !(d.goldOp() == Operation.FILL || d.goldOp() == Operation.SELECT) || c.value().equals(d.goldValue());
    }
}
