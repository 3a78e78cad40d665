package dev.gauntlet.agents.djl;

import java.util.List;
import java.util.Map;

/**
 * A model folder's {@code manifest.json}.
 *
 * @param format          {@link ModelFolder#FORMAT}
 * @param kind            {@code policy}
 * @param suite           the suite whose data trained it
 * @param datasetSchema   the schema of that data ({@link Dataset#SCHEMA})
 * @param features        the feature templates' version ({@link Features#VERSION})
 * @param data            the data file's name, SHA-256, episodes used, and the split
 * @param hyperparameters steps, batch, lr, buckets, hidden, mlp, seed, max_candidates
 * @param metrics         losses, accuracies, decision counts and timings
 * @param parametersSha256 the SHA-256 of {@code parameters.ndlist}
 * @param versions        DJL, PyTorch, Java
 * @param trainTasks      the tasks of the training set
 * @param createdAt       when it was written (ISO-8601)
 */
record ModelManifest(String format, String kind, String suite, String datasetSchema, String features,
                     Map<String, Object> data, Map<String, Object> hyperparameters, Map<String, Object> metrics,
                     String parametersSha256, Map<String, String> versions, List<String> trainTasks,
                     String createdAt) {}
