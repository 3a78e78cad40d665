package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The element-ranking policy (MindAct's formulation, made small): a shared embedding of hashed features; each
 * (instruction + history, element) pair gets a score from a one-hidden-layer MLP over [q, e, q·e]; a softmax over
 * the step's elements picks one; an operation head on the chosen pair picks click, fill, select or hover; a linear
 * scorer over value features picks the value among the instruction's {@link ValueCandidates}.
 */
final class PolicyModel implements AutoCloseable {

    /**
     * Hyperparameters of the network's shape, and whether its value candidates include re-rendered dates (off: the
     * value head of feature version 2, kept to measure what the dates add).
     */
    record Shape3(int buckets, int hidden, int mlp, boolean dateValues) {
        Shape3(int buckets, int hidden, int mlp) {
            this(buckets, hidden, mlp, true);
        }
    }

    static final String[] NAMES = {"embedding", "w1", "b1", "w2", "w_op", "b_op", "w_value"};
    private static final float PAD = -1e4f;

    final Shape3 shape;
    final Features features;
    final NDManager manager;
    final Map<String, NDArray> params = new LinkedHashMap<>();

    private PolicyModel(Shape3 shape, NDManager manager) {
        this.shape = shape;
        this.features = new Features(shape.buckets(), shape.dateValues());
        this.manager = manager;
    }

    /** A freshly initialised model; the initial values come from {@code seed} alone. */
    static PolicyModel init(Shape3 s, NDManager manager, long seed) {
        PolicyModel m = new PolicyModel(s, manager);
        Random r = new Random(seed);
        int h = s.hidden();
        m.put("embedding", Parameters.normal(r, s.buckets() * h, 0.1f), new Shape(s.buckets(), h));
        m.put("w1", Parameters.normal(r, 3 * h * s.mlp(), (float) (1 / Math.sqrt(3.0 * h))), new Shape(3L * h, s.mlp()));
        m.put("b1", new float[s.mlp()], new Shape(s.mlp()));
        m.put("w2", Parameters.normal(r, s.mlp(), (float) (1 / Math.sqrt(s.mlp()))), new Shape(s.mlp(), 1));
        m.put("w_op", Parameters.normal(r, s.mlp() * Operation.PREDICTED.size(), (float) (1 / Math.sqrt(s.mlp()))),
                new Shape(s.mlp(), Operation.PREDICTED.size()));
        m.put("b_op", new float[Operation.PREDICTED.size()], new Shape(Operation.PREDICTED.size()));
        m.put("w_value", Parameters.normal(r, h, (float) (1 / Math.sqrt(h))), new Shape(h, 1));
        return m;
    }

    /** A model of these parameters (as {@link #encode} wrote them). */
    static PolicyModel decode(Shape3 s, NDManager manager, byte[] bytes) {
        PolicyModel m = new PolicyModel(s, manager);
        Parameters.decode(m.params, manager, bytes, NAMES, new Shape(s.buckets(), s.hidden()));
        return m;
    }

    byte[] encode() {
        return Parameters.encode(params, NAMES);
    }

    private void put(String name, float[] values, Shape shape) {
        Parameters.put(params, manager, name, values, shape);
    }

    /** The encoded inputs of a batch of decisions. */
    record Batch(NDArray qIdx, NDArray qW, NDArray cIdx, NDArray cW, NDArray cMask, int candidates) {}

    Batch encode(NDManager m, List<Decision> ds, int maxCandidates) {
        return stack(m, ds.stream().map(d -> encodeOne(d, maxCandidates)).toList());
    }

    /** One decision's hashed feature ids: its query, and each candidate element's. */
    record Encoded(long[] query, List<long[]> candidates) {}

    /** Encodes one decision (plain Java: any thread may do it, so workers encode their own requests). */
    Encoded encodeOne(Decision d, int maxCandidates) {
        long[] q = features.ids(features.query(d.instruction(), d.history()));
        List<long[]> row = new ArrayList<>();
        List<Dataset.ElementRecord> cands = candidates(d, maxCandidates);
        for (int j = 0; j < cands.size(); j++) {
            row.add(features.ids(features.element(cands, j, d.instruction(), d.history())));
        }
        return new Encoded(q, row);
    }

    /** Pads and stacks encoded decisions into one batch of arrays. */
    Batch stack(NDManager m, List<Encoded> es) {
        int s = es.size();
        List<long[]> qs = new ArrayList<>();
        List<List<long[]>> cs = new ArrayList<>();
        int lq = 1;
        int lc = 1;
        int c = 1;
        for (Encoded e : es) {
            qs.add(e.query());
            lq = Math.max(lq, e.query().length);
            for (long[] f : e.candidates()) {
                lc = Math.max(lc, f.length);
            }
            cs.add(e.candidates());
            c = Math.max(c, e.candidates().size());
        }
        long[] qIdx = new long[s * lq];
        float[] qW = new float[s * lq];
        long[] cIdx = new long[s * c * lc];
        float[] cW = new float[s * c * lc];
        float[] cMask = new float[s * c];
        for (int i = 0; i < s; i++) {
            fill(qs.get(i), qIdx, qW, i * lq);
            List<long[]> row = cs.get(i);
            for (int j = 0; j < c; j++) {
                if (j < row.size()) {
                    fill(row.get(j), cIdx, cW, (i * c + j) * lc);
                } else {
                    cMask[i * c + j] = PAD;
                }
            }
        }
        return new Batch(m.create(qIdx, new Shape(s, lq)), m.create(qW, new Shape(s, lq, 1)),
                m.create(cIdx, new Shape(s, c, lc)), m.create(cW, new Shape(s, c, lc, 1)),
                m.create(cMask, new Shape(s, c)), c);
    }

    /** The candidates of a decision: its elements, at most {@code max}, the gold one always among them. */
    static List<Dataset.ElementRecord> candidates(Decision d, int max) {
        if (d.elements().size() <= max) {
            return d.elements();
        }
        List<Dataset.ElementRecord> kept = new ArrayList<>(d.elements().subList(0, max));
        if (d.gold() >= max) {
            kept.set(max - 1, d.elements().get(d.gold()));
        }
        return kept;
    }

    static int goldIndex(Decision d, int max) {
        return d.gold() < max || d.elements().size() <= max ? d.gold() : max - 1;
    }

    private static void fill(long[] ids, long[] idx, float[] w, int at) {
        float weight = 1f / ids.length;
        for (int k = 0; k < ids.length; k++) {
            idx[at + k] = ids[k];
            w[at + k] = weight;
        }
    }

    /** Element scores (S×C, padding masked) and the hidden layer of every pair (S×C×mlp). */
    NDList scores(Batch b) {
        NDArray e = params.get("embedding");
        NDArray q = e.get(b.qIdx()).mul(b.qW()).sum(new int[]{1});                  // S×H
        NDArray c = e.get(b.cIdx()).mul(b.cW()).sum(new int[]{2});                  // S×C×H
        NDArray qb = q.expandDims(1).repeat(1, b.candidates());                     // S×C×H
        NDArray x = qb.concat(c, 2).concat(qb.mul(c), 2);                           // S×C×3H
        NDArray h = Activation.relu(x.matMul(params.get("w1")).add(params.get("b1")));
        NDArray score = h.matMul(params.get("w2")).squeeze(2).add(b.cMask());
        return new NDList(score, h);
    }

    /** Operation logits (S×4) of the pairs chosen by {@code pick} (S, int). */
    NDArray operations(NDArray hidden, NDArray pick, int candidates) {
        NDArray sel = pick.oneHot(candidates).expandDims(2);                      // S×C×1
        NDArray hs = hidden.mul(sel).sum(new int[]{1});                            // S×mlp
        return hs.matMul(params.get("w_op")).add(params.get("b_op"));
    }

    /** Value scores (S×V) of value feature bags (S×V×L ids, weights S×V×L×1, mask S×V). */
    NDArray values(NDArray vIdx, NDArray vW, NDArray vMask) {
        NDArray v = params.get("embedding").get(vIdx).mul(vW).sum(new int[]{2});  // S×V×H
        return v.matMul(params.get("w_value")).squeeze(2).add(vMask);
    }

    /** Encodes the value candidates of each decision for the element at {@code chosen.get(i)}. */
    NDList encodeValues(NDManager m, List<Decision> ds, List<Integer> chosen, int maxCandidates) {
        int s = ds.size();
        List<List<long[]>> rows = new ArrayList<>();
        int v = 1;
        int l = 1;
        for (int i = 0; i < s; i++) {
            Decision d = ds.get(i);
            List<Dataset.ElementRecord> cands = candidates(d, maxCandidates);
            Dataset.ElementRecord e = cands.get(Math.min(chosen.get(i), cands.size() - 1));
            List<ValueCandidates.Candidate> spans = features.valueCandidateList(d.instruction());
            List<long[]> row = new ArrayList<>();
            for (int k = 0; k < spans.size(); k++) {
                long[] f = features.ids(features.value(d.instruction(), spans.get(k), e, d.history()));
                row.add(f);
                l = Math.max(l, f.length);
            }
            rows.add(row);
            v = Math.max(v, row.size());
        }
        long[] idx = new long[s * v * l];
        float[] w = new float[s * v * l];
        float[] mask = new float[s * v];
        for (int i = 0; i < s; i++) {
            for (int k = 0; k < v; k++) {
                if (k < rows.get(i).size()) {
                    fill(rows.get(i).get(k), idx, w, (i * v + k) * l);
                } else {
                    mask[i * v + k] = PAD;
                }
            }
        }
        return new NDList(m.create(idx, new Shape(s, v, l)), m.create(w, new Shape(s, v, l, 1)),
                m.create(mask, new Shape(s, v)));
    }

    long parameterCount() {
        return params.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    @Override
    public void close() {
        params.values().forEach(NDArray::close);
    }
}
