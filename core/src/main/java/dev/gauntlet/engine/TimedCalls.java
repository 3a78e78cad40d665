package dev.gauntlet.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an episode's agent calls on a thread of their own so that a limit can end the wait: a call that overruns is
 * interrupted and its thread abandoned (a model call that ignores interrupts cannot hold the worker), and the next
 * call gets a fresh thread. One per episode; calls are sequential.
 */
final class TimedCalls implements AutoCloseable {

    private final String name;
    private ExecutorService thread;

    TimedCalls(String name) {
        this.name = name;
    }

    /** Returns the call's value, or throws {@link TimeoutException} after {@code nanos}; its own failure as thrown. */
    <T> T call(Callable<T> call, long nanos) throws Exception {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        Future<T> f = thread.submit(call);
        try {
            return f.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            thread.shutdownNow();
            thread = null;
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
