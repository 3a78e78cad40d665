package dev.gauntlet.agents.djl;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's TorchScript policy under {@link TorchScriptFolder#CONTRACT}. Per batch of B steps with at most N elements:
 * the query (the instruction, then {@code " | <operation> <element text>[ <value>]"} per earlier step) as int64
 * [B, Q] and each element ({@code "<role> <text>"}) as int64 [B, N, E], token ids of the tokenizer truncated and
 * right-padded with the pad id (an element row of a step with fewer elements is all padding); the module returns
 * element scores [B, N] and operation logits [B, 4] (click, fill, select, hover). The highest-scoring real element
 * and the highest operation win; the value of a fill or select is the instruction's first quoted span not yet typed
 * in the episode (else its first; "" when it quotes none).
 */
final class TorchScriptPolicy implements Decider {

    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final TorchScriptFolder.Shapes shapes;

    TorchScriptPolicy(Model model, HuggingFaceTokenizer tokenizer, TorchScriptFolder.Shapes shapes) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.shapes = shapes;
    }

    /** The query text of a decision, as the contract states it. */
    static String query(Decision d) {
        StringBuilder q = new StringBuilder(d.instruction());
        for (Features.Past p : d.history()) {
            q.append(" | ").append(p.operation().label()).append(' ').append(p.elementText());
            if (!p.value().isEmpty()) {
                q.append(' ').append(p.value());
            }
        }
        return q.toString();
    }

    /** An element's text, as the contract states it. */
    static String element(Dataset.ElementRecord e) {
        return (e.role() + " " + e.text()).trim();
    }

    /** The value of a fill or select: the first quoted span of the instruction the episode has not typed yet. */
    static String value(Decision d) {
        List<String> spans = Features.quoted(d.instruction());
        Set<String> typed = new HashSet<>();
        d.history().forEach(p -> typed.add(p.value()));
        return spans.stream().filter(s -> !typed.contains(s)).findFirst().orElse(spans.isEmpty() ? "" : spans.get(0));
    }

    /** Returns each decision's raw outputs: element scores (its real elements only) and operation logits. */
    List<float[][]> outputs(List<Decision> ds) {
        int b = ds.size();
        int n = Math.max(1, ds.stream().mapToInt(d -> Math.min(d.elements().size(), Policy.MAX_CANDIDATES)).max()
                .orElse(1));
        int q = shapes.queryTokens();
        int e = shapes.elementTokens();
        List<String> texts = new ArrayList<>();
        for (Decision d : ds) {
            texts.add(query(d));
            d.elements().stream().limit(Policy.MAX_CANDIDATES).forEach(el -> texts.add(element(el)));
        }
        Encoding[] enc = tokenizer.batchEncode(texts);
        long[] query = new long[b * q];
        long[] elements = new long[b * n * e];
        java.util.Arrays.fill(query, shapes.padId());
        java.util.Arrays.fill(elements, shapes.padId());
        int k = 0;
        for (int i = 0; i < b; i++) {
            copy(enc[k++].getIds(), query, i * q, q);
            int count = Math.min(ds.get(i).elements().size(), Policy.MAX_CANDIDATES);
            for (int j = 0; j < count; j++) {
                copy(enc[k++].getIds(), elements, (i * n + j) * e, e);
            }
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList out = model.getBlock().forward(new ParameterStore(m, false), new NDList(
                    m.create(query, new Shape(b, q)), m.create(elements, new Shape(b, n, e))), false);
            float[] scores = out.get(0).toType(DataType.FLOAT32, false).toFloatArray();
            float[] ops = out.get(1).toType(DataType.FLOAT32, false).toFloatArray();
            int o = Operation.PREDICTED.size();
            List<float[][]> result = new ArrayList<>();
            for (int i = 0; i < b; i++) {
                int count = Math.min(ds.get(i).elements().size(), Policy.MAX_CANDIDATES);
                result.add(new float[][]{java.util.Arrays.copyOfRange(scores, i * n, i * n + count),
                        java.util.Arrays.copyOfRange(ops, i * o, i * o + o)});
            }
            return result;
        }
    }

    @Override
    public List<Decision.Choice> decide(List<Decision> ds) {
        List<float[][]> outs = outputs(ds);
        List<Decision.Choice> choices = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            float[] s = outs.get(i)[0];
            int best = argMax(s);
            Operation op = Operation.PREDICTED.get(argMax(outs.get(i)[1]));
            double sum = 0;
            for (float x : s) {
                sum += Math.exp(x - s[best]);
            }
            String value = op == Operation.FILL || op == Operation.SELECT ? value(ds.get(i)) : "";
            choices.add(new Decision.Choice(best, op, value, 1 / sum));
        }
        return choices;
    }

    private static void copy(long[] ids, long[] to, int at, int max) {
        System.arraycopy(ids, 0, to, at, Math.min(ids.length, max));
    }

    private static int argMax(float[] xs) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] > xs[best]) {
                best = i;
            }
        }
        return best;
    }
}
