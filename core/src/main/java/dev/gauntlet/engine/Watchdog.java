package dev.gauntlet.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts a worker that is still inside one call of its episode (the site, the browser, the oracle) some time
 * after the episode's limit: such a call has stopped answering. A Playwright call that is interrupted fails, the
 * episode is broken with that cause, and the worker replaces its browser.
 */
final class Watchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gauntlet-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> alarm;
    private volatile boolean fired;

    private Watchdog(Thread worker, long nanos) {
        alarm = TIMER.schedule(() -> {
            fired = true;
            worker.interrupt();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    /** Interrupts {@code worker} after {@code nanos} unless closed first. */
    static Watchdog start(Thread worker, long nanos) {
        return new Watchdog(worker, nanos);
    }

    boolean fired() {
        return fired;
    }

    /** Stops the alarm and clears an interrupt it may have left on the calling worker. */
    @Override
    public void close() {
        alarm.cancel(false);
        if (fired) {
            Thread.interrupted();
        }
    }
}
