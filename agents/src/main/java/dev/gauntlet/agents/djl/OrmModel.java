package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The outcome reward model: P(success) of a whole episode from hashed features of its instruction and actions (what
 * each action did, to an element of which role, whether its element or value is what the instruction quotes, how
 * many of the quoted spans the episode used, errors, length). A mean of embeddings, one hidden layer, a sigmoid.
 */
final class OrmModel implements AutoCloseable {

    /** One action of an episode as the reward model reads it. */
    record Act(Operation operation, String role, String text, String value, boolean error) {}

    /** An episode as the reward model reads it. */
    record View(String instruction, List<Act> acts, String answer) {

        static View of(Dataset.Episode e) {
            List<Act> acts = new ArrayList<>();
            for (Dataset.StepRecord s : e.steps()) {
                Dataset.ElementRecord el = s.elements().stream().filter(x -> x.id().equals(s.action().target()))
                        .findFirst().orElse(null);
                acts.add(new Act(s.action().operation(), el == null ? "" : el.role(), el == null ? "" : el.text(),
                        s.action().value(), !s.error().isEmpty()));
            }
            return new View(e.instruction(), acts, e.answer());
        }
    }

    static final String FEATURES = "orm-hashed/1";
    static final String[] NAMES = {"embedding", "w1", "b1", "w2"};

    final Features hashing;
    final NDManager manager;
    final Map<String, NDArray> params = new LinkedHashMap<>();
    final int buckets;
    final int hidden;

    private OrmModel(int buckets, int hidden, NDManager manager) {
        this.buckets = buckets;
        this.hidden = hidden;
        this.hashing = new Features(buckets);
        this.manager = manager;
    }

    static OrmModel init(int buckets, int hidden, NDManager manager, long seed) {
        OrmModel m = new OrmModel(buckets, hidden, manager);
        Random r = new Random(seed);
        m.put("embedding", Parameters.normal(r, buckets * hidden, 0.1f), new Shape(buckets, hidden));
        m.put("w1", Parameters.normal(r, hidden * hidden, (float) (1 / Math.sqrt(hidden))), new Shape(hidden, hidden));
        m.put("b1", new float[hidden], new Shape(hidden));
        m.put("w2", Parameters.normal(r, hidden, (float) (1 / Math.sqrt(hidden))), new Shape(hidden, 1));
        return m;
    }

    static OrmModel decode(int buckets, int hidden, NDManager manager, byte[] bytes) {
        OrmModel m = new OrmModel(buckets, hidden, manager);
        Parameters.decode(m.params, manager, bytes, NAMES, new Shape(buckets, hidden));
        return m;
    }

    byte[] encode() {
        return Parameters.encode(params, NAMES);
    }

    private void put(String name, float[] v, Shape shape) {
        Parameters.put(params, manager, name, v, shape);
    }

    /** The features of an episode. */
    static List<String> features(View v) {
        Set<String> f = new LinkedHashSet<>();
        List<String> quoted = Features.quoted(v.instruction()).stream().map(q -> q.toLowerCase(Locale.ROOT).trim())
                .toList();
        Set<String> inst = new LinkedHashSet<>(Features.words(v.instruction()));
        Set<String> used = new LinkedHashSet<>();
        f.add("steps:" + Math.min(v.acts().size(), 10));
        f.add("quotes:" + Math.min(quoted.size(), 4));
        for (String w : Features.words(v.instruction())) {
            f.add("w:" + w);
        }
        for (int i = 0; i < v.acts().size(); i++) {
            Act a = v.acts().get(i);
            String op = a.operation().label();
            String text = a.text().toLowerCase(Locale.ROOT).trim();
            boolean overlap = Features.words(text).stream().anyMatch(inst::contains);
            f.add("op:" + op);
            f.add("op-role:" + op + ":" + a.role());
            f.add("op-overlap:" + op + ":" + overlap);
            if (quoted.contains(text)) {
                f.add("op-quote-element:" + op);
                used.add(text);
            }
            String value = a.value().toLowerCase(Locale.ROOT).trim();
            if (!value.isEmpty()) {
                f.add(quoted.contains(value) ? "value-quoted" : "value-other");
                used.add(value);
            }
            if (a.error()) {
                f.add("error");
            }
            if (i == v.acts().size() - 1) {
                f.add("last:" + op + ":" + a.role());
                for (String w : Features.words(text)) {
                    f.add("last-w:" + w);
                }
            }
        }
        long covered = quoted.stream().filter(used::contains).count();
        f.add("cover:" + (quoted.isEmpty() ? "none" : String.valueOf(4 * covered / quoted.size())));
        f.add(v.answer().isEmpty() ? "no-answer" : "answer");
        return List.copyOf(f);
    }

    /** Returns the logits (N) of a batch of episodes. */
    NDArray logits(NDManager m, List<View> views) {
        List<long[]> rows = new ArrayList<>();
        int l = 1;
        for (View v : views) {
            long[] ids = hashing.ids(features(v));
            rows.add(ids);
            l = Math.max(l, ids.length);
        }
        long[] idx = new long[views.size() * l];
        float[] w = new float[views.size() * l];
        for (int i = 0; i < rows.size(); i++) {
            long[] ids = rows.get(i);
            for (int k = 0; k < ids.length; k++) {
                idx[i * l + k] = ids[k];
                w[i * l + k] = 1f / ids.length;
            }
        }
        NDArray e = params.get("embedding").get(m.create(idx, new Shape(views.size(), l)))
                .mul(m.create(w, new Shape(views.size(), l, 1))).sum(new int[]{1});
        NDArray h = Activation.relu(e.matMul(params.get("w1")).add(params.get("b1")));
        return h.matMul(params.get("w2")).squeeze(1);
    }

    /** Returns P(success) of each episode. */
    float[] probabilities(List<View> views) {
        try (NDManager sub = manager.newSubManager()) {
            params.values().forEach(p -> p.tempAttach(sub));
            return Activation.sigmoid(logits(sub, views)).toFloatArray();
        }
    }

    @Override
    public void close() {
        params.values().forEach(NDArray::close);
    }
}
