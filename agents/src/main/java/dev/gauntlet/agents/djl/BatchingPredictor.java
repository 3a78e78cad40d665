package dev.gauntlet.agents.djl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One model's predictor, shared by every worker: requests queue up, and one thread answers them in batches of up to
 * {@code maxBatch}, waiting at most {@code maxWaitMs} after the first for more to arrive, so parallel episodes share
 * one forward pass. A batch that holds one request from every thread that has asked is sent at once: each of those
 * threads waits for its answer, so no more can come (one worker never waits). {@code maxBatch = 1} answers each
 * request alone.
 */
final class BatchingPredictor implements AutoCloseable {

    private record Request(Decision decision, Object prepared, CompletableFuture<Decision.Choice> answer) {}

    private final Decider policy;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong decisions = new AtomicLong();
    /** The threads that have asked: a batch holding one request from each is as full as it can get. */
    private final java.util.Set<Thread> callers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    BatchingPredictor(Decider policy, int maxBatch, double maxWaitMs) {
        this.policy = policy;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = (long) (maxWaitMs * 1e6);
        this.thread = new Thread(this::serve, "djl-predictor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns the policy's choice for one decision; blocks until its batch has run. */
    Decision.Choice decide(Decision d) throws InterruptedException, ExecutionException {
        if (closed) {
            throw new IllegalStateException("the predictor is closed");
        }
        callers.add(Thread.currentThread());
        CompletableFuture<Decision.Choice> f = new CompletableFuture<>();
        Object prepared = policy.prepare(d); // in the caller's thread: the workers encode in parallel
        queue.put(new Request(d, prepared, f));
        return f.get();
    }

    /** The suite the policy was trained for ({@code null}: not said). */
    String suite() {
        return policy.suite();
    }

    /** Decisions answered so far, and the forward passes that answered them. */
    long[] counts() {
        return new long[]{decisions.get(), batches.get()};
    }

    private void serve() {
        List<Request> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.clear();
                batch.add(queue.take());
                long deadline = System.nanoTime() + maxWaitNanos;
                // no need to wait for more than one request per asking thread: each waits for its answer
                callers.removeIf(t -> !t.isAlive());
                int full = Math.min(maxBatch, Math.max(1, callers.size()));
                while (batch.size() < full) {
                    Request r = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (r == null) {
                        break;
                    }
                    batch.add(r);
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                List<Decision.Choice> out = policy.decide(batch.stream().map(Request::decision).toList(),
                        batch.stream().map(Request::prepared).toList());
                // counted before answering, so a caller that has its answer also sees its pass counted
                batches.incrementAndGet();
                decisions.addAndGet(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(out.get(i));
                }
            } catch (RuntimeException e) {
                batch.forEach(r -> r.answer().completeExceptionally(e));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
