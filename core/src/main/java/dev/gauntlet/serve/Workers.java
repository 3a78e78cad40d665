package dev.gauntlet.serve;

import dev.gauntlet.api.Config;
import dev.gauntlet.browser.BrowserSession;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The browser pool: one thread per worker, each owning its browser (Playwright is not thread-safe). Every call of a
 * session runs on the worker the session was placed on, the least-loaded one at its reset.
 */
final class Workers implements AutoCloseable {

    /** One worker: its thread, its browser (touched only from that thread) and how many sessions it holds. */
    static final class Worker {
        final int index;
        final ExecutorService thread;
        final BrowserSession browser;
        final AtomicInteger sessions = new AtomicInteger();
        private final java.util.BitSet slots = new java.util.BitSet();

        Worker(int index, Config config) {
            this.index = index;
            this.thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "gauntlet-serve-worker-" + index);
                t.setDaemon(true);
                return t;
            });
            this.browser = new BrowserSession(config);
        }

        /**
         * Takes the lowest free slot: a session's place on this worker. Pages a suite keeps loaded between episodes
         * (MiniWoB's) are kept per slot, so concurrent sessions never share one and a later session reuses it.
         */
        synchronized int takeSlot() {
            int slot = slots.nextClearBit(0);
            slots.set(slot);
            return slot;
        }

        synchronized void freeSlot(int slot) {
            slots.clear(slot);
        }

        /** Runs {@code call} on this worker's thread and waits for it; its exception is rethrown as is. */
        <T> T run(Callable<T> call) throws Exception {
            Future<T> f = thread.submit(call);
            try {
                return f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        }
    }

    private final List<Worker> workers = new ArrayList<>();

    Workers(int count, Config config) {
        for (int i = 0; i < count; i++) {
            workers.add(new Worker(i, config));
        }
    }

    /** Returns the worker holding the fewest sessions, counting the new one. */
    synchronized Worker place() {
        Worker best = workers.get(0);
        for (Worker w : workers) {
            if (w.sessions.get() < best.sessions.get()) {
                best = w;
            }
        }
        best.sessions.incrementAndGet();
        return best;
    }

    int size() {
        return workers.size();
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            try {
                w.run(() -> {
                    w.browser.close();
                    return null;
                });
            } catch (Exception ignored) {
                // closing at exit
            }
            w.thread.shutdownNow();
        }
    }
}
