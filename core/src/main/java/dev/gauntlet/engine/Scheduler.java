package dev.gauntlet.engine;

import dev.gauntlet.suite.TaskDependencies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands episodes to workers in order, holding back an episode until the episodes of the tasks its task depends on
 * ({@link dev.gauntlet.suite.TaskDependencies}, same suite and agent) have finished. With one worker this is the plain
 * order; with several, independent tasks run side by side. Dependencies on tasks outside the selection are ignored;
 * if nothing is runnable and nothing is running (a cycle), the next episode in order goes anyway.
 * <p>Among the runnable episodes a worker first takes one of the task it ran last (its browser still has that task's
 * page: MiniWoB reuses it without a reload), then one of a task no other worker is on, then the next in order. With
 * one worker that is the plain order; with several, each task's page is loaded by one worker instead of by all.
 */
final class Scheduler {

    private final LinkedList<Descriptors.EpisodeDescriptor> pending;
    private final Map<Descriptors.EpisodeDescriptor, List<String>> waitsFor = new HashMap<>();
    /** Episodes not yet finished, per suite/agent/task key. */
    private final Map<String, Integer> unfinished = new HashMap<>();
    private int running;
    /** Per task key, how many workers are on it (running it, or ran it last). */
    private final Map<String, Integer> onTask = new HashMap<>();
    /** Per task key, how many of its episodes are pending: a worker looks for its last task only while some are. */
    private final Map<String, Integer> pendingOfTask = new HashMap<>();

    Scheduler(List<Descriptors.EpisodeDescriptor> episodes) {
        pending = new LinkedList<>(episodes);
        for (Descriptors.EpisodeDescriptor e : episodes) {
            unfinished.merge(key(e, e.task.id()), 1, Integer::sum);
            pendingOfTask.merge(taskKey(e), 1, Integer::sum);
        }
        for (Descriptors.EpisodeDescriptor e : episodes) {
            Set<String> deps = e.suite.tasks instanceof TaskDependencies t ? t.dependsOn(e.task) : Set.of();
            List<String> keys = new ArrayList<>();
            for (String dep : deps) {
                String k = key(e, dep);
                if (unfinished.containsKey(k) && !dep.equals(e.task.id())) {
                    keys.add(k);
                }
            }
            if (!keys.isEmpty()) {
                waitsFor.put(e, keys);
            }
        }
    }

    private static String key(Descriptors.EpisodeDescriptor e, String taskId) {
        return e.suite.name() + "\u0000" + e.agent.text() + "\u0000" + taskId;
    }

    /**
     * Returns the next runnable episode for a worker whose last episode was {@code previous} ({@code null}: none),
     * waiting while only held-back ones remain; null when none are left.
     */
    synchronized Descriptors.EpisodeDescriptor take(Descriptors.EpisodeDescriptor previous)
            throws InterruptedException {
        String last = previous == null ? null : taskKey(previous);
        while (!pending.isEmpty()) {
            boolean lastPending = last != null && pendingOfTask.getOrDefault(last, 0) > 0;
            Descriptors.EpisodeDescriptor chosen = null;
            Descriptors.EpisodeDescriptor free = null;
            Descriptors.EpisodeDescriptor first = null;
            for (Descriptors.EpisodeDescriptor e : pending) {
                if (!ready(e)) {
                    continue;
                }
                String k = taskKey(e);
                if (lastPending && k.equals(last)) {
                    chosen = e;
                    break;
                }
                if (first == null) {
                    first = e;
                }
                if (free == null && onTask.getOrDefault(k, 0) == 0) {
                    free = e;
                    if (!lastPending) {
                        break; // nothing of the last task to look for: the first free task will do
                    }
                }
            }
            chosen = chosen != null ? chosen : free != null ? free : first;
            if (chosen == null && running == 0) { // nothing can finish to release them: a cycle; keep the order
                chosen = pending.getFirst();
            }
            if (chosen != null) {
                pending.remove(chosen);
                pendingOfTask.merge(taskKey(chosen), -1, Integer::sum);
                running++;
                if (last != null) {
                    onTask.merge(last, -1, Integer::sum);
                }
                onTask.merge(taskKey(chosen), 1, Integer::sum);
                return chosen;
            }
            wait();
        }
        if (last != null) {
            onTask.merge(last, -1, Integer::sum);
        }
        return null;
    }

    /** The page a worker keeps for a task is its suite's: agents of one suite share it. */
    private static String taskKey(Descriptors.EpisodeDescriptor e) {
        return e.suite.name() + "\u0000" + e.task.id();
    }

    /** Records that {@code e} finished (whatever its outcome), releasing the episodes that waited for its task. */
    synchronized void finished(Descriptors.EpisodeDescriptor e) {
        running--;
        unfinished.merge(key(e, e.task.id()), -1, Integer::sum);
        notifyAll();
    }

    private boolean ready(Descriptors.EpisodeDescriptor e) {
        for (String k : waitsFor.getOrDefault(e, List.of())) {
            if (unfinished.getOrDefault(k, 0) > 0) {
                return false;
            }
        }
        return true;
    }
}
