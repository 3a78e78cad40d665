package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained model on disk: {@code manifest.json}, {@code parameters.ndlist} (DJL's NDList encoding) and
 * {@code vocabulary.tsv} (the hashed features seen in training: feature, bucket, count). Loading checks the manifest
 * before the parameters, and names the file and what was expected when something is off.
 */
final class ModelFolder {

    static final String FORMAT = "gauntlet-model/1";
    static final String MANIFEST = "manifest.json";
    static final String PARAMETERS = "parameters.ndlist";
    static final String VOCABULARY = "vocabulary.tsv";

    private ModelFolder() {}

    static void save(Path dir, PolicyModel model, ModelManifest manifest, Map<String, Integer> vocabulary)
            throws IOException {
        save(dir, model.encode(), model.features, manifest, vocabulary);
    }

    static void save(Path dir, byte[] parameters, Features features, ModelManifest manifest,
                     Map<String, Integer> vocabulary) throws IOException {
        Files.createDirectories(dir);
        Path params = dir.resolve(PARAMETERS);
        Files.write(params, parameters);
        ModelManifest withDigest = new ModelManifest(manifest.format(), manifest.kind(), manifest.suite(),
                manifest.datasetSchema(), manifest.features(), manifest.data(), manifest.hyperparameters(),
                manifest.metrics(), DatasetFile.sha256(params), manifest.versions(), manifest.trainTasks(),
                manifest.createdAt());
        StringBuilder vocab = new StringBuilder("feature\tbucket\tcount\n");
        new TreeMap<>(vocabulary).forEach((f, n) -> vocab.append(f.replace('\t', ' ')).append('\t')
                .append(features.bucket(f)).append('\t').append(n).append('\n'));
        Files.writeString(dir.resolve(VOCABULARY), vocab);
        Files.writeString(dir.resolve(MANIFEST),
                DatasetFile.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(withDigest));
    }

    /** Reads and checks the manifest of {@code dir} for a policy of {@code suite} ({@code null}: any suite). */
    static ModelManifest manifest(Path dir, String suite) {
        return manifest(dir, "policy", suite);
    }

    /** Reads and checks the manifest of {@code dir} for a model of {@code kind} ({@code policy}, {@code orm}). */
    static ModelManifest manifest(Path dir, String kind, String suite) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("model folder " + dir + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model folder " + dir + " has no " + MANIFEST
                    + " (expected a folder written by the djl train command)");
        }
        ModelManifest m;
        try {
            m = DatasetFile.JSON.readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a model manifest: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        expect(file, "format", m.format(), FORMAT);
        expect(file, "kind", m.kind(), kind);
        expect(file, "dataset_schema", m.datasetSchema(), Dataset.SCHEMA);
        expect(file, "features", m.features(), kind.equals("orm") ? OrmModel.FEATURES : Features.VERSION);
        if (suite != null) {
            expect(file, "suite", m.suite(), suite);
        }
        return m;
    }

    /** Loads a policy: the manifest is checked first, then the parameters' digest and shapes. */
    static PolicyModel load(Path dir, String suite, NDManager manager) {
        ModelManifest m = manifest(dir, suite);
        Path params = dir.resolve(PARAMETERS);
        byte[] bytes = parameters(dir, m);
        Map<String, Object> h = m.hyperparameters();
        try {
            return PolicyModel.decode(new PolicyModel.Shape3(num(h, "buckets"), num(h, "hidden"), num(h, "mlp"),
                    !Boolean.FALSE.equals(h.get("date_values"))), manager, bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params + ": " + e.getMessage());
        }
    }

    /** Returns the parameters' bytes once their SHA-256 matches the manifest's. */
    static byte[] parameters(Path dir, ModelManifest m) {
        Path params = dir.resolve(PARAMETERS);
        try {
            if (!Files.isRegularFile(params)) {
                throw new IllegalArgumentException("model folder " + dir + " has no " + PARAMETERS);
            }
            String digest = DatasetFile.sha256(params);
            if (!digest.equals(m.parametersSha256())) {
                throw new IllegalArgumentException(params + " is corrupt: its SHA-256 is " + digest + " but "
                        + MANIFEST + " says " + m.parametersSha256());
            }
            return Files.readAllBytes(params);
        } catch (IOException e) {
            throw new IllegalArgumentException(params + " cannot be read: " + e.getMessage());
        }
    }

    static int num(Map<String, Object> h, String key) {
        Object v = h.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("hyperparameter '" + key + "' is missing from " + MANIFEST);
        }
        return n.intValue();
    }

    private static void expect(Path file, String field, String got, String want) {
        if (!want.equals(got)) {
            throw new IllegalArgumentException(file + " field '" + field + "' is '" + got + "' but must be '" + want
                    + "'");
        }
    }
}
