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
 */
final class Scheduler {

    private final LinkedList<Descriptors.EpisodeDescriptor> pending;
    private final Map<Descriptors.EpisodeDescriptor, List<String>> waitsFor = new HashMap<>();
    /** Episodes not yet finished, per suite/agent/task key. */
    private final Map<String, Integer> unfinished = new HashMap<>();
    private int running;

    Scheduler(List<Descriptors.EpisodeDescriptor> episodes) {
        pending = new LinkedList<>(episodes);
        for (Descriptors.EpisodeDescriptor e : episodes) {
            unfinished.merge(key(e, e.task.id()), 1, Integer::sum);
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

    /** Returns the next runnable episode, waiting while only held-back ones remain; null when none are left. */
    synchronized Descriptors.EpisodeDescriptor take() throws InterruptedException {
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                Descriptors.EpisodeDescriptor e = it.next();
                if (ready(e)) {
                    it.remove();
                    running++;
                    return e;
                }
            }
            if (running == 0) { // nothing can finish to release them: a cycle; keep the order
                running++;
                return pending.removeFirst();
            }
            wait();
        }
        return null;
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
