package dev.gauntlet.engine;

import dev.gauntlet.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The scheduler keeps a worker on the task it ran last, so a suite that reuses a task's page across episodes (MiniWoB,
 * as upstream's gym does) loads each task's page in one worker, not in every worker.
 */
class SchedulerTests {

    private final OpenedSuite suite = new OpenedSuite(new CounterSuite());
    private final AgentSpec agent = AgentSpec.parse("gold");

    @Test
    void oneWorkerTakesTheEpisodesInOrder() throws InterruptedException {
        Scheduler queue = new Scheduler(episodes("a", "b"));
        List<String> taken = new ArrayList<>();
        Descriptors.EpisodeDescriptor e = null;
        while ((e = queue.take(e)) != null) {
            taken.add(name(e));
            queue.finished(e);
        }
        assertEquals(List.of("a/0", "a/1", "a/2", "b/0", "b/1", "b/2"), taken);
    }

    @Test
    void aSecondWorkerStartsOnATaskNoOtherWorkerIsOn() throws InterruptedException {
        Scheduler queue = new Scheduler(episodes("a", "b", "c"));
        Descriptors.EpisodeDescriptor first = queue.take(null);
        Descriptors.EpisodeDescriptor second = queue.take(null);
        assertEquals("a/0", name(first));
        assertEquals("b/0", name(second), "not a/1: that would load a's page in a second browser");
    }

    @Test
    void aWorkerStaysOnItsTaskThenMovesToAFreeOne() throws InterruptedException {
        Scheduler queue = new Scheduler(episodes("a", "b", "c"));
        Descriptors.EpisodeDescriptor w1 = queue.take(null);
        Descriptors.EpisodeDescriptor w2 = queue.take(null);
        List<String> worker1 = new ArrayList<>(List.of(name(w1)));
        for (int i = 0; i < 3; i++) { // worker 1 finishes three episodes while worker 2 is still on its first
            queue.finished(w1);
            w1 = queue.take(w1);
            worker1.add(name(w1));
        }
        assertEquals(List.of("a/0", "a/1", "a/2", "c/0"), worker1, "a's seeds, then c (b is worker 2's)");
        queue.finished(w2);
        assertEquals("b/1", name(queue.take(w2)));
    }

    @Test
    void whenOnlyAnotherWorkersTaskIsLeftAWorkerHelpsWithIt() throws InterruptedException {
        Scheduler queue = new Scheduler(episodes("a", "b"));
        Descriptors.EpisodeDescriptor w1 = queue.take(null);
        Descriptors.EpisodeDescriptor w2 = queue.take(null);
        for (int i = 0; i < 2; i++) {
            queue.finished(w1);
            w1 = queue.take(w1);
        }
        queue.finished(w1);
        assertEquals("b/1", name(queue.take(w1)), "nothing of a is left: the worker takes b rather than idle");
        queue.finished(w2);
        assertEquals("b/2", name(queue.take(w2)));
        assertNull(queue.take(w2));
    }

    private List<Descriptors.EpisodeDescriptor> episodes(String... tasks) {
        List<Descriptors.EpisodeDescriptor> out = new ArrayList<>();
        for (String id : tasks) {
            Task task = new Task("counter", id, "", List.of(), Set.of(), null, Set.of(), 0, Map.of());
            for (long seed = 0; seed < 3; seed++) {
                UniqueId uid = UniqueId.forEngine("gauntlet").append(Descriptors.SUITE, "counter")
                        .append(Descriptors.TASK, id).append(Descriptors.SEED, Long.toString(seed));
                out.add(new Descriptors.EpisodeDescriptor(uid, suite, task, seed, agent, false, null));
            }
        }
        return out;
    }

    private static String name(Descriptors.EpisodeDescriptor e) {
        return e.task.id() + "/" + e.seed;
    }
}
