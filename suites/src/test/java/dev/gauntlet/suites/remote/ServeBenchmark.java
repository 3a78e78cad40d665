package dev.gauntlet.suites.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.agents.HeuristicAgent;
import dev.gauntlet.agents.remote.RemoteAgent;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Episode;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.serve.EnvServer;
import dev.gauntlet.suite.EpisodeContext;
import dev.gauntlet.suite.Suite;
import dev.gauntlet.suite.TaskSet;
import dev.gauntlet.suites.SuiteTesting;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Prints the environment server's throughput and a remote agent's added latency: {@code mvn -q verify -Pbench-serve}
 * (options {@code -Dbench.seconds=10 -Dbench.workers=4}). Figures only, no thresholds.
 *
 * <ol>
 *   <li>steps/second through {@code gauntlet serve} at 1, 4 and 16 concurrent sessions over every built-in MiniWoB
 *       task (Java HTTP clients, each playing episodes back to back, every step a {@code noop()}, so an episode is
 *       a reset and 10 steps, each an HTTP round trip, an observation and its JSON: what the server itself costs),
 *       on {@code min(sessions, bench.workers)} browsers;</li>
 *   <li>milliseconds per {@code act} on the same real observations: the {@code heuristic} agent in-process, the
 *       {@code remote} agent to a loopback server that parses the step and answers at once (the protocol's own
 *       cost), and the {@code remote} agent to the Python twin {@code heuristic_agent.py}.</li>
 * </ol>
 */
public final class ServeBenchmark {

    private ServeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int maxWorkers = Integer.getInteger("bench.workers", 4);
        System.out.printf(Locale.ROOT, "gauntlet serve: built-in MiniWoB, %d s per level, %d cores%n", seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-10s %8s %10s %10s %12s%n", "sessions", "workers", "steps/s", "resets/s",
                "ms/step p50");
        for (int sessions : new int[] {1, 4, 16}) {
            throughput(sessions, Math.min(sessions, maxWorkers), seconds);
        }
        latency();
    }

    private static void throughput(int sessions, int workers, int seconds) throws Exception {
        try (EnvServer server = EnvServer.start(Config.of(Map.of("gauntlet.serve.port", "0",
                "gauntlet.workers", Integer.toString(workers), "gauntlet.serve.maxSessions", "64")))) {
            EnvClient client = new EnvClient(server.url(), null);
            List<String> tasks = new ArrayList<>();
            client.get("/suites/miniwob/tasks").body().get("tasks").forEach(t -> tasks.add(t.get("id").asText()));
            play(client, tasks, sessions, 3_000); // warm-up: browser launches and first page loads
            long[] counts = play(client, tasks, sessions, seconds * 1000L);
            long steps = counts[0];
            long resets = counts[1];
            long[] stepNanos = Arrays.copyOfRange(counts, 2, counts.length);
            Arrays.sort(stepNanos);
            double p50 = stepNanos.length == 0 ? Double.NaN : stepNanos[stepNanos.length / 2] / 1e6;
            System.out.printf(Locale.ROOT, "%-10d %8d %10.1f %10.1f %12.1f%n", sessions, workers,
                    steps * 1000.0 / (seconds * 1000L), resets * 1000.0 / (seconds * 1000L), p50);
        }
    }

    /** Plays episodes on {@code sessions} threads for {@code millis}; returns steps, resets, then each step's nanos. */
    private static long[] play(EnvClient client, List<String> tasks, int sessions, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            int offset = s;
            futures.add(pool.submit(() -> {
                List<Long> out = new ArrayList<>(List.of(0L, 0L));
                for (int e = 0; System.currentTimeMillis() < end; e++) {
                    String task = tasks.get((offset + e * sessions) % tasks.size());
                    EnvClient.Reply reset = client.post("/reset", EnvClient.json("suite", "miniwob", "task", task,
                            "seed", e));
                    out.set(1, out.get(1) + 1);
                    String session = reset.body().get("session").asText();
                    boolean over = false;
                    while (!over && System.currentTimeMillis() < end) {
                        long t0 = System.nanoTime();
                        EnvClient.Reply step = client.post("/step", EnvClient.json("session", session,
                                "action", "noop()"));
                        out.add(System.nanoTime() - t0);
                        out.set(0, out.get(0) + 1);
                        over = step.body().get("terminated").asBoolean() || step.body().get("truncated").asBoolean();
                    }
                    client.post("/close", EnvClient.json("session", session));
                }
                return out;
            }));
        }
        long steps = 0;
        long resets = 0;
        List<Long> nanos = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            List<Long> r = f.get();
            steps += r.get(0);
            resets += r.get(1);
            nanos.addAll(r.subList(2, r.size()));
        }
        pool.shutdown();
        long[] out = new long[2 + nanos.size()];
        out[0] = steps;
        out[1] = resets;
        for (int i = 0; i < nanos.size(); i++) {
            out[2 + i] = nanos.get(i);
        }
        return out;
    }

    private static void latency() throws Exception {
        Config config = Config.of(Map.of());
        List<Observation> observations = new ArrayList<>();
        List<Task> taskOf = new ArrayList<>();
        Suite miniwob = ServiceLoader.load(Suite.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals("miniwob")).findFirst().orElseThrow();
        try (TaskSet set = SuiteTesting.open(miniwob, config); BrowserSession browser = new BrowserSession(config)) {
            for (Task task : set.tasks()) {
                for (long seed = 0; seed < 3; seed++) {
                    try (Episode episode = set.start(task, seed, new EpisodeContext(config, browser))) {
                        Observation o = episode.observe();
                        observations.add(new Observation(o.url(), o.title(), o.tabs(), o.activeTab(), o.instruction(),
                                o.html(), o.axtree(), o.elements(), o.lastActionError(), o.extras(), null));
                        taskOf.add(task);
                    }
                }
            }
        }
        int rounds = Integer.getInteger("bench.rounds", 5);
        System.out.printf(Locale.ROOT, "%nagent act() on %d real MiniWoB observations x %d rounds (mean ms per step)%n",
                observations.size(), rounds);
        double local = actMillis(HeuristicAgent::new, observations, taskOf, rounds, config);
        System.out.printf(Locale.ROOT, "%-44s %8.3f%n", "heuristic, in-process", local);
        HttpServer floor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        floor.createContext("/", ex -> {
            JsonNode request = EnvClient.JSON.readTree(ex.getRequestBody().readAllBytes());
            byte[] body = (request.has("obs") ? "{\"action\": \"noop()\"}" : "{}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        ExecutorService floorThreads = Executors.newFixedThreadPool(2);
        floor.setExecutor(floorThreads);
        floor.start();
        String floorUrl = "http://127.0.0.1:" + floor.getAddress().getPort();
        double protocol = actMillis(() -> remote(floorUrl), observations, taskOf, rounds, config);
        floor.stop(0);
        floorThreads.shutdownNow(); // exec:java waits for every non-daemon thread before it returns
        System.out.printf(Locale.ROOT, "%-44s %8.3f  (added: %.3f)%n", "remote, loopback Java server answering at once",
                protocol, protocol - local);
        try (PythonProcess python = PythonProcess.start("examples/heuristic_agent.py", "--port", "0")) {
            String line = python.awaitLine("gauntlet agent listening on ");
            String url = line.substring("gauntlet agent listening on ".length()).strip();
            double py = actMillis(() -> remote(url), observations, taskOf, rounds, config);
            System.out.printf(Locale.ROOT, "%-44s %8.3f  (added: %.3f)%n", "remote, Python twin heuristic_agent.py",
                    py, py - local);
        } catch (org.opentest4j.TestAbortedException e) {
            System.out.println("remote, Python twin: skipped (" + e.getMessage() + ")");
        }
    }

    private static Agent remote(String url) {
        RemoteAgent a = new RemoteAgent();
        a.configure(Map.of("url", url));
        return a;
    }

    /** Mean ms of {@code act} per observation, a fresh agent per observation (its start is not timed). */
    private static double actMillis(Supplier<Agent> make, List<Observation> observations, List<Task> tasks,
                                    int rounds, Config config) throws Exception {
        long total = 0;
        long count = 0;
        for (int r = 0; r <= rounds; r++) {
            for (int i = 0; i < observations.size(); i++) {
                Agent agent = make.get();
                agent.begin(new EpisodeStart(tasks.get(i), i, 10, List::of, config));
                long t0 = System.nanoTime();
                agent.act(observations.get(i), List.of());
                long dt = System.nanoTime() - t0;
                if (r > 0) { // round 0 warms the JIT and the connections
                    total += dt;
                    count++;
                }
            }
        }
        return total / 1e6 / count;
    }
}
