package dev.gauntlet.agents.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A user's own policy: a folder with {@code model.pt} (TorchScript), {@code tokenizer.json} (Hugging Face
 * tokenizers) and {@code manifest.json} naming the contract ({@link #CONTRACT}) and its token lengths. Loading
 * checks the manifest, loads the tokenizer and the module, and runs the module once on a dummy input of the
 * contract's shapes, so that a file of other shapes is one line naming it before the first episode.
 */
final class TorchScriptFolder {

    /** The input/output contract's name and version; the README's "In-process models" states it. */
    static final String CONTRACT = "gauntlet-torchscript/1";
    static final String MODEL = "model.pt";
    static final String TOKENIZER = "tokenizer.json";
    static final String MANIFEST = "manifest.json";

    /**
     * The manifest's settings.
     *
     * @param queryTokens   Q, the query's token count (truncated, right-padded)
     * @param elementTokens E, each element's token count
     * @param padId         the id padding takes
     */
    record Shapes(int queryTokens, int elementTokens, long padId) {}

    private TorchScriptFolder() {}

    /** Whether {@code dir} holds a bring-your-own TorchScript policy rather than a model written by train. */
    static boolean holdsOne(Path dir) {
        return Files.isRegularFile(dir.resolve(MODEL));
    }

    /** Loads and probes the policy of {@code dir}; every problem is one line naming the file and what was expected. */
    static TorchScriptPolicy load(Path dir, Device device) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("model folder " + dir + " does not exist");
        }
        Shapes shapes = shapes(dir.resolve(MANIFEST));
        Path tokFile = dir.resolve(TOKENIZER);
        if (!Files.isRegularFile(tokFile)) {
            throw new IllegalArgumentException("model folder " + dir + " has no " + TOKENIZER
                    + " (a Hugging Face tokenizers file, as " + CONTRACT + " requires)");
        }
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(tokFile, Map.of());
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new IllegalArgumentException(tokFile + " cannot be read as a Hugging Face tokenizer: " + firstLine(e));
        }
        Path file = dir.resolve(MODEL);
        Model model = Devices.engine().newModel("byo-policy", device);
        try {
            model.load(dir, "model", Map.of());
        } catch (Exception e) {
            model.close();
            throw new IllegalArgumentException(file + " cannot be loaded as TorchScript: " + firstLine(e));
        }
        probe(file, model, shapes);
        return new TorchScriptPolicy(model, tokenizer, shapes);
    }

    /** Runs the module on query [2, Q] and elements [2, 3, E] of padding and checks its outputs' shapes. */
    static void probe(Path file, Model model, Shapes s) {
        String in = "query int64 [2, " + s.queryTokens() + "] and elements int64 [2, 3, " + s.elementTokens() + "]";
        String want = "element scores [2, 3] and operation logits [2, " + Operation.PREDICTED.size() + "]";
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList out;
            try {
                out = model.getBlock().forward(new ParameterStore(m, false), new NDList(
                        m.full(new Shape(2, s.queryTokens()), s.padId(), DataType.INT64),
                        m.full(new Shape(2, 3, s.elementTokens()), s.padId(), DataType.INT64)), false);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " does not follow " + CONTRACT + ": on " + in
                        + " it must return " + want + " but failed: " + firstLine(e));
            }
            String got = out.size() == 2 ? brackets(out.get(0).getShape()) + " and " + brackets(out.get(1).getShape())
                    : out.size() + " tensors";
            if (out.size() != 2 || !out.get(0).getShape().equals(new Shape(2, 3))
                    || !out.get(1).getShape().equals(new Shape(2, Operation.PREDICTED.size()))) {
                throw new IllegalArgumentException(file + " does not follow " + CONTRACT + ": on " + in
                        + " it must return " + want + " but returned " + got);
            }
        }
    }

    private static Shapes shapes(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model folder " + file.getParent() + " has no " + MANIFEST
                    + " (expected {\"contract\": \"" + CONTRACT + "\", \"query_tokens\": Q, \"element_tokens\": E})");
        }
        JsonNode n;
        try {
            n = DatasetFile.JSON.readTree(file.toFile());
        } catch (Exception e) {
            throw new IllegalArgumentException(file + " is not JSON: " + firstLine(e));
        }
        String contract = n.path("contract").asText("");
        if (!contract.equals(CONTRACT)) {
            throw new IllegalArgumentException(file + " field 'contract' is '" + contract + "' but must be '"
                    + CONTRACT + "'");
        }
        return new Shapes(count(file, n, "query_tokens", 1, 4096, -1), count(file, n, "element_tokens", 1, 512, -1),
                count(file, n, "pad_id", 0, Integer.MAX_VALUE, 0));
    }

    private static int count(Path file, JsonNode n, String field, int min, int max, int fallback) {
        JsonNode v = n.get(field);
        if (v == null && fallback >= 0) {
            return fallback;
        }
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new IllegalArgumentException(file + " field '" + field + "' is '" + (v == null ? "missing" : v)
                    + "' but must be an integer from " + min + " to " + max);
        }
        return v.asInt();
    }

    private static String brackets(Shape s) {
        return java.util.Arrays.toString(s.getShape());
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse(m);
    }
}
