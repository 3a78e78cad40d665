package dev.gauntlet.engine;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RecordedConfiguration;
import dev.gauntlet.api.RegionHints;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.browser.BrowserSession;
import dev.gauntlet.suite.LiveSites;
import dev.gauntlet.suite.StatefulSites;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the discovered episodes on N worker threads, each with its own browser, and reports to JUnit and to the
 * run listeners. JUnit listener calls are serialised; containers start with their first episode and finish with
 * their last.
 */
final class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class.getName());

    private final RunDescriptor run;
    private final EngineExecutionListener junit;
    private final Object lock = new Object();
    private Journal journal;
    private final Set<TestDescriptor> started = new HashSet<>();
    private final Map<TestDescriptor, AtomicInteger> remaining = new HashMap<>();
    private final List<EpisodeResult> results = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService reporter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gauntlet-reports");
        t.setDaemon(true);
        return t;
    });

    RunExecutor(RunDescriptor run, EngineExecutionListener junit) {
        this.run = run;
        this.junit = junit;
    }

    void execute() {
        try {
            executeRun();
        } catch (RuntimeException | Error e) {
            // a bug in the harness or a report: say so and record it, so the build gate names it instead of a missing run
            BuildGate.record(run.config, null, "the harness failed: " + e, List.of());
            throw e;
        }
    }

    private void executeRun() {
        junit.executionStarted(run);
        if (run.registry == null && run.configError == null) {
            junit.executionFinished(run, TestExecutionResult.successful()); // nothing was selected
            return;
        }
        if (run.configError != null) {
            for (TestDescriptor child : run.getChildren()) {
                junit.executionStarted(child);
                junit.executionFinished(child, TestExecutionResult.failed(new dev.gauntlet.api.ConfigException(run.configError)));
            }
            junit.executionFinished(run, TestExecutionResult.failed(new dev.gauntlet.api.ConfigException(run.configError)));
            return;
        }
        List<Descriptors.EpisodeDescriptor> episodes = new ArrayList<>();
        collect(run, episodes);
        RunSettings.Shard shard = run.settings.shard();
        RunDirectory dir;
        Map<String, List<EpisodeResult.Status>> ended;
        // the shard an array's environment chose is recorded as if it had been configured
        Config config = run.config.with(Map.of(Constants.SHARD, shard.index() + "/" + shard.count()));
        try {
            dir = run.resuming ? run.directory
                    : run.directory != null ? run.directory.make(run.config, shard.count() > 1)
                    : RunDirectory.create(run.config, run.suites.stream().map(OpenedSuite::name).toList(),
                    run.agents.stream().map(AgentSpec::text).toList());
            ended = Journal.read(dir.folder().journal()).ends();
            journal = Journal.open(dir.folder().journal());
            journal.header(dir.id(), RecordedConfiguration.of(config, run.suites.stream().map(OpenedSuite::name).toList(),
                    run.agents.stream().map(AgentSpec::text).toList()), ended.isEmpty() && !run.resuming);
        } catch (IOException e) {
            junit.executionFinished(run, TestExecutionResult.failed(e));
            return;
        }
        List<Descriptors.EpisodeDescriptor> toRun = new ArrayList<>();
        List<Descriptors.EpisodeDescriptor> kept = new ArrayList<>();
        for (Descriptors.EpisodeDescriptor e : episodes) {
            (isFinal(ended.get(key(e))) ? kept : toRun).add(e);
        }
        int workers = run.settings.workers();
        RunInfo info = new RunInfo(dir.id(), dir.path(), config, Map.copyOf(run.sources),
                run.agents.stream().map(AgentSpec::text).toList(), List.copyOf(run.seeds), episodes.size(),
                workers, Instant.now(), regionHints());
        List<RunListener> listeners = run.registry.listeners();
        Progress progress = new Progress(toRun.size());
        System.out.println("[gauntlet] " + (run.resuming ? "resuming " : "") + "run " + info.id() + ": "
                + episodes.size() + " episodes" + (run.resuming ? " (" + kept.size() + " kept, " + toRun.size()
                + " to run)" : "") + ", " + workers + " worker(s), results in " + dir.path());
        notifyListeners(listeners, l -> l.runStarted(info));
        for (Descriptors.EpisodeDescriptor e : kept) {
            List<EpisodeResult.Status> s = ended.get(key(e));
            keep(e, "kept from the run being resumed: " + s.get(s.size() - 1).label());
        }
        episodes = toRun;
        try {
            for (TestDescriptor suiteNode : run.getChildren()) {
                Descriptors.SuiteDescriptor s = (Descriptors.SuiteDescriptor) suiteNode;
                String why = run.unavailable.get(s.suite.name());
                if (why != null) {
                    System.out.println("[gauntlet] " + s.suite.name() + " skipped: " + why);
                    junit.executionSkipped(s, why);
                }
            }
            EpisodeRunner runner = new EpisodeRunner(run.config, run.settings, run.registry, dir.path());
            List<OpenedSuite> resetting = run.suites.stream()
                    .filter(s -> s.tasks instanceof StatefulSites sites && sites.resetsBetweenAgents()).toList();
            if (resetting.isEmpty()) {
                runWorkers(episodes, workers, runner, info, listeners, progress);
            } else {
                // stateful sites: one agent at a time, its sites restored first, so every agent starts from the same state
                for (AgentSpec agent : run.agents.stream().distinct().toList()) {
                    List<Descriptors.EpisodeDescriptor> phase = episodes.stream().filter(e -> e.agent.equals(agent)).toList();
                    for (OpenedSuite s : resetting) {
                        if (phase.stream().anyMatch(e -> e.suite == s)) {
                            beforeAgent(s, agent);
                        }
                    }
                    runWorkers(phase, workers, runner, info, listeners, progress);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (OpenedSuite s : run.suites) {
                try {
                    if (s.tasks != null) {
                        s.tasks.close();
                    }
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "closing suite " + s.name(), e);
                }
            }
        }
        reporter.shutdown();
        try {
            if (!reporter.awaitTermination(10, TimeUnit.MINUTES)) {
                System.err.println("[gauntlet] reports still writing after 10 minutes; finishing without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<EpisodeResult> all = List.copyOf(results);
        notifyListeners(listeners, l -> l.runFinished(info, all));
        try {
            journal.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the journal", e);
        }
        System.out.println("[gauntlet] " + progress.summary() + (run.resuming ? "; " + kept.size()
                + " episodes kept from before (summary.json counts every episode)" : "") + "; results in " + dir.path());
        System.out.println("[gauntlet] " + traceSize(dir.folder(), kept.size() + all.size()));
        List<EpisodeResult.Status> keptEnds = new ArrayList<>();
        for (Descriptors.EpisodeDescriptor e : kept) {
            List<EpisodeResult.Status> s = ended.get(key(e));
            keptEnds.add(s.get(s.size() - 1));
        }
        BuildGate.record(run.config, dir, null, all, keptEnds);
        junit.executionFinished(run, TestExecutionResult.successful());
    }

    /** The run folder's size per episode, as summary.json gives it ({@link dev.gauntlet.api.RunSize}). */
    private static String traceSize(dev.gauntlet.api.RunFolder dir, int episodes) {
        try {
            return dev.gauntlet.api.RunSize.of(dir).describe(episodes);
        } catch (RuntimeException e) {
            return "trace size unknown: " + e.getMessage();
        }
    }

    private void beforeAgent(OpenedSuite suite, AgentSpec agent) {
        System.out.println("[gauntlet] " + suite.name() + ": restoring its sites before agent " + agent.text());
        try {
            ((StatefulSites) suite.tasks).beforeAgent(agent.text());
        } catch (Exception e) {
            LOG.log(Level.WARNING, suite.name() + ": restoring its sites before agent " + agent.text() + " failed", e);
        }
    }

    private void runWorkers(List<Descriptors.EpisodeDescriptor> episodes, int workers, EpisodeRunner runner,
                            RunInfo info, List<RunListener> listeners, Progress progress) throws InterruptedException {
        Scheduler queue = new Scheduler(episodes);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.min(workers, Math.max(1, episodes.size())); w++) {
            Thread t = new Thread(() -> work(queue, runner, info, listeners, progress), "gauntlet-worker-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void work(Scheduler queue, EpisodeRunner runner, RunInfo info, List<RunListener> listeners,
                      Progress progress) {
        try (BrowserSession browser = new BrowserSession(run.config)) {
            Descriptors.EpisodeDescriptor episode = null;
            while ((episode = queue.take(episode)) != null) {
                try {
                    start(episode);
                    EpisodeResult result = runner.run(episode, browser);
                    results.add(result);
                    // reports write on their own thread, in order, so workers never wait for disk; the journal
                    // records the episode after them, so a kill in between reruns it rather than loses its row
                    String key = key(episode);
                    reporter.execute(() -> {
                        notifyListeners(listeners, l -> l.episodeFinished(info, result));
                        try {
                            journal.finished(key, result.status());
                        } catch (IOException e) {
                            LOG.log(Level.WARNING, "journal", e);
                            System.err.println("[gauntlet] journal not written (a resume would rerun " + key + "): " + e);
                        }
                    });
                    synchronized (lock) {
                        progress.finished(result);
                        finish(episode, result);
                    }
                } finally {
                    queue.finished(episode); // after its test is reported finished, so dependents start after it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /** Asks each suite on live websites where the run is from, for the manifest. */
    private Map<String, RegionHints> regionHints() {
        Map<String, RegionHints> out = new HashMap<>();
        for (OpenedSuite s : run.suites) {
            if (s.tasks instanceof LiveSites live && !run.unavailable.containsKey(s.name())) {
                try {
                    out.put(s.name(), live.regionHints());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "region hints of " + s.name() + " failed", e);
                }
            }
        }
        return out;
    }

    /** Identifies an episode in the journal (secrets of the agent spec left out). */
    private static String key(Descriptors.EpisodeDescriptor e) {
        return Journal.key(e.suite.name(), RecordedConfiguration.redactAgent(e.agent.text()), e.task.id(), e.seed);
    }

    /**
     * Tells whether an episode's ends in the journal settle it: its last end is other than broken or blocked, or
     * its kind has ended more often than that kind's reruns allow ({@code gauntlet.retryBroken},
     * {@code gauntlet.retryBlocked}); each kind counts only its own ends.
     */
    private boolean isFinal(List<EpisodeResult.Status> ends) {
        if (ends == null || ends.isEmpty()) {
            return false;
        }
        EpisodeResult.Status last = ends.get(ends.size() - 1);
        int retries = switch (last) {
            case BROKEN -> run.settings.retryBroken();
            case BLOCKED -> run.settings.retryBlocked();
            default -> -1;
        };
        return ends.stream().filter(s -> s == last).count() > retries;
    }

    /** Reports an episode a resumed run keeps as skipped with the reason, and the containers it completes. */
    private void keep(Descriptors.EpisodeDescriptor episode, String reason) {
        synchronized (lock) {
            episode.getParent().ifPresent(this::start);
            junit.executionSkipped(episode, reason);
            finishContainers(episode);
        }
    }

    private void start(TestDescriptor node) {
        synchronized (lock) {
            List<TestDescriptor> chain = new ArrayList<>();
            for (TestDescriptor d = node; d != null && d != run; d = d.getParent().orElse(null)) {
                chain.add(0, d);
            }
            for (TestDescriptor d : chain) {
                if (started.add(d)) {
                    junit.executionStarted(d);
                }
            }
        }
    }

    /** Reports the episode, then every container whose last child it was. Caller holds the lock. */
    private void finish(TestDescriptor episode, EpisodeResult result) {
        TestExecutionResult outcome = switch (result.status()) {
            case PASSED -> TestExecutionResult.successful();
            case FAILED -> TestExecutionResult.failed(new AssertionFailedError(result.message()));
            case SKIPPED -> TestExecutionResult.aborted(new TestAbortedException(result.message()));
            case BROKEN -> TestExecutionResult.failed(new EpisodeBrokenException(result.message(), result.error()));
            case BLOCKED -> TestExecutionResult.aborted(new TestAbortedException(result.message()));
        };
        junit.executionFinished(episode, outcome);
        finishContainers(episode);
    }

    /** Finishes every container whose last child {@code episode} was. Caller holds the lock. */
    private void finishContainers(TestDescriptor episode) {
        for (TestDescriptor d = episode.getParent().orElse(null); d != null && d != run; d = d.getParent().orElse(null)) {
            if (remaining.get(d).decrementAndGet() > 0) {
                break;
            }
            junit.executionFinished(d, TestExecutionResult.successful());
        }
    }

    private void collect(TestDescriptor node, List<Descriptors.EpisodeDescriptor> out) {
        for (TestDescriptor child : node.getChildren()) {
            if (child instanceof Descriptors.EpisodeDescriptor e) {
                out.add(e);
            } else {
                collect(child, out);
            }
            if (node != run) {
                remaining.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private interface ListenerCall {
        void call(RunListener listener) throws Exception;
    }

    private static void notifyListeners(List<RunListener> listeners, ListenerCall call) {
        for (RunListener l : listeners) {
            try {
                call.call(l);
            } catch (Exception | LinkageError e) {
                LOG.log(Level.WARNING, "run listener " + l.getClass().getName() + " failed; the run goes on", e);
                System.err.println("[gauntlet] report " + l.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
