package dev.gauntlet.agents.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adam over named parameters, written out so its arithmetic is the same on every device and DJL version. */
final class Adam {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final float lr;
    private final List<NDArray> params = new ArrayList<>();
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private int t;

    Adam(Map<String, NDArray> named, NDManager manager, float lr) {
        this.lr = lr;
        for (NDArray p : named.values()) {
            p.setRequiresGradient(true);
            params.add(p);
            m.add(manager.zeros(p.getShape()));
            v.add(manager.zeros(p.getShape()));
        }
    }

    /** Moves the optimiser's state into {@code step} until it closes (no arrays outlive a step). */
    void attach(NDManager step) {
        params.forEach(p -> p.tempAttach(step));
        m.forEach(a -> a.tempAttach(step));
        v.forEach(a -> a.tempAttach(step));
    }

    /** Applies one update from the gradients, then clears them. */
    void step() {
        t++;
        float c1 = 1 - (float) Math.pow(BETA1, t);
        float c2 = 1 - (float) Math.pow(BETA2, t);
        for (int i = 0; i < params.size(); i++) {
            NDArray g = params.get(i).getGradient();
            m.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            v.get(i).muli(BETA2).addi(g.square().mul(1 - BETA2));
            NDArray update = m.get(i).div(c1).div(v.get(i).div(c2).sqrt().add(EPS)).mul(lr);
            params.get(i).subi(update);
            g.muli(0);
        }
    }
}
