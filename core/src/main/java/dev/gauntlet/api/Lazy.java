package dev.gauntlet.api;

import java.util.function.Supplier;

/** A value computed at most once, on first use (screenshots and page views are costly and often unused). */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> supplier;
    private T value;
    private boolean done;

    private Lazy(Supplier<? extends T> supplier) {
        this.supplier = supplier;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> supplier) {
        return new Lazy<>(supplier);
    }

    public static <T> Lazy<T> value(T value) {
        Lazy<T> lazy = new Lazy<>(null);
        lazy.value = value;
        lazy.done = true;
        return lazy;
    }

    /** Tells whether the value is there (computed, or given), without computing it. */
    public synchronized boolean isDone() {
        return done;
    }

    @Override
    public synchronized T get() {
        if (!done) {
            value = supplier.get();
            supplier = null;
            done = true;
        }
        return value;
    }
}
