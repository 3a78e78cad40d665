package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Map;
import java.util.Random;

/** A model's named parameters as the policy and the reward model keep them: created, encoded and decoded alike. */
final class Parameters {

    private Parameters() {}

    /** Puts a parameter of {@code values} in {@code shape} into {@code params}, named. */
    static void put(Map<String, NDArray> params, NDManager manager, String name, float[] values, Shape shape) {
        NDArray a = manager.create(values, shape);
        a.setName(name);
        params.put(name, a);
    }

    /** {@code n} values from a normal distribution of mean 0 and deviation {@code std}, drawn from {@code r}. */
    static float[] normal(Random r, int n, float std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * std);
        }
        return v;
    }

    /** The parameters {@code names}, in that order, as one encoded list. */
    static byte[] encode(Map<String, NDArray> params, String[] names) {
        NDList list = new NDList();
        for (String n : names) {
            NDArray a = params.get(n);
            a.setName(n);
            list.add(a);
        }
        return list.encode();
    }

    /**
     * Reads an encoded list into {@code params}; every one of {@code names} must be there and the embedding must have
     * the shape {@code embedding}, else an {@link IllegalArgumentException} says which.
     */
    static void decode(Map<String, NDArray> params, NDManager manager, byte[] bytes, String[] names,
                       Shape embedding) {
        for (NDArray a : NDList.decode(manager, bytes)) {
            params.put(a.getName(), a);
        }
        for (String n : names) {
            if (!params.containsKey(n)) {
                throw new IllegalArgumentException("parameter '" + n + "' is missing");
            }
        }
        if (!params.get("embedding").getShape().equals(embedding)) {
            throw new IllegalArgumentException("parameter 'embedding' has shape " + params.get("embedding").getShape()
                    + " but the manifest says " + embedding);
        }
    }
}
