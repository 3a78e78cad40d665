package dev.gauntlet.engine;

import dev.gauntlet.api.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** {@code gauntlet.resume}: a run continues in its own folder, keeping the episodes its journal records as ended. */
class ResumeTests {

    @TempDir
    Path runs;

    private GauntletRun kit() {
        return GauntletRun.of(Benchmark.class).suite("counter").agent("gold").seeds("2").runsDir(runs);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> dirs = s.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).toList();
            assertEquals(1, dirs.size(), "one run folder: " + dirs);
            return dirs.get(0);
        }
    }

    @Test
    void aFinishedRunResumedKeepsEveryEpisodeAndRunsNone() throws IOException {
        kit().execute();
        Events again = kit().set("gauntlet.resume", "latest").testEvents();
        assertEquals(0, again.started().count());
        assertEquals(10, again.skipped().count());
        again.assertThatEvents().haveExactly(2, event(test("two-clicks"),
                skippedWithReason("kept from the run being resumed: passed")));
        assertTrue(RecordingListener.LAST_RUN.isEmpty(), "no episode reached the listeners");
        onlyRun();
    }

    @Test
    void episodesMissingFromTheJournalRunAgainInTheSameFolder() throws IOException {
        kit().execute();
        Path run = onlyRun();
        Path journal = new RunFolder(run).journal();
        List<String> lines = Files.readAllLines(journal);
        assertEquals(11, lines.size(), "the run's line, then one line per episode");
        // as if killed after four episodes, half-way through writing the fifth line
        Files.writeString(journal, String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 5));
        Events again = kit().set("gauntlet.resume", run.toString()).testEvents();
        assertEquals(4, again.skipped().count());
        assertEquals(6, again.started().count());
        assertEquals(6, RecordingListener.LAST_RUN.size());
        onlyRun();
        assertEquals(11, Files.readAllLines(journal).size(), "the run's line, 4 kept + 6 rerun lines; the cut one is gone");
        assertEquals(0, kit().set("gauntlet.resume", run.toString()).testEvents().started().count());
    }

    @Test
    void aDifferentConfigurationIsRefusedInOneLineNamingTheKeys() {
        kit().execute();
        Events events = kit().seeds("3").set("gauntlet.maxSteps", "4").set("gauntlet.resume", "latest")
                .set("gauntlet.workers", "2").testEvents();
        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(
                "gauntlet.resume=latest: the configuration differs from the run's (as its manifest and journal record"
                        + " it) in gauntlet.maxSteps (was '0', now '4'), gauntlet.seeds (was '2', now '3')"))));
    }

    @Test
    void aFolderWithoutAJournalCannotBeResumed() throws IOException {
        Path empty = Files.createDirectories(runs.resolve("not-a-run"));
        kit().set("gauntlet.resume", empty.toString()).testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(message(m -> m.startsWith("'gauntlet.resume' is '" + empty + "' but must be"
                        + " a run folder holding journal.tsv")))));
    }

    @Test
    void theMinSuccessGateOfAResumedRunCountsTheEpisodesKeptFromBefore() throws Exception {
        GauntletRun twoClicks = GauntletRun.of(Benchmark.class).suite("counter").agent("clicker:times=2")
                .tasks("two-clicks,three-clicks").seeds("2").runsDir(runs);
        twoClicks.execute();
        Path record = runs.resolve(BuildGate.FILE);
        assertEquals("success rate 0.500 (2/4) is below gauntlet.minSuccess=0.6", BuildGate.check(record, "0.6"));
        // nothing left to run: the gate still sees the whole run, not an empty invocation
        assertEquals(0, twoClicks.set("gauntlet.resume", "latest").testEvents().started().count());
        assertEquals("success rate 0.500 (2/4) is below gauntlet.minSuccess=0.6", BuildGate.check(record, "0.6"));
        assertEquals(null, BuildGate.check(record, "0.5"));
    }

    @Test
    void brokenEpisodesRunAgainOnlyUpToRetryBroken() {
        kit().execute();
        // the crashes task breaks on every try: 2 seeds rerun once, then kept as broken
        Events first = kit().set("gauntlet.resume", "latest").set("gauntlet.retryBroken", "1").testEvents();
        assertEquals(2, first.started().count());
        first.assertThatEvents().haveExactly(2, event(test("crashes"), finishedWithFailure(message(m -> m.contains("fell over")))));
        Events second = kit().set("gauntlet.resume", "latest").set("gauntlet.retryBroken", "1").testEvents();
        assertEquals(0, second.started().count());
        second.assertThatEvents().haveExactly(2, event(test("crashes"),
                skippedWithReason("kept from the run being resumed: broken")));
        assertEquals(2, kit().set("gauntlet.resume", "latest").set("gauntlet.retryBroken", "2").testEvents()
                .started().count(), "a higher limit allows one more try");
    }

    @Test
    void blockedEpisodesAreKeptByDefaultAndRunAgainOnlyUpToRetryBlocked() {
        // the two-clicks site refuses the browser on every try: its 2 seeds end blocked, the other tasks as usual
        kit().set("counter.blocks", "two-clicks").testEvents().assertThatEvents().haveExactly(2, event(
                test("two-clicks"), abortedWithReason(message("blocked by the site: HTTP 403 at counter://two-clicks"))));
        Events kept = kit().set("counter.blocks", "two-clicks").set("gauntlet.resume", "latest").testEvents();
        assertEquals(0, kept.started().count(), "gauntlet.retryBlocked defaults to 0: blocked episodes are kept");
        kept.assertThatEvents().haveExactly(2, event(test("two-clicks"),
                skippedWithReason("kept from the run being resumed: blocked")));
        Events first = kit().set("counter.blocks", "two-clicks").set("gauntlet.resume", "latest")
                .set("gauntlet.retryBlocked", "1").testEvents();
        assertEquals(2, first.started().count(), "only the blocked episodes run again");
        first.assertThatEvents().haveExactly(2, event(test("two-clicks"), abortedWithReason(
                message("blocked by the site: HTTP 403 at counter://two-clicks"))));
        first.assertThatEvents().haveExactly(2, event(test("crashes"),
                skippedWithReason("kept from the run being resumed: broken")));
        Events second = kit().set("counter.blocks", "two-clicks").set("gauntlet.resume", "latest")
                .set("gauntlet.retryBlocked", "1").testEvents();
        assertEquals(0, second.started().count(), "blocked twice: one rerun was allowed");
        second.assertThatEvents().haveExactly(2, event(test("two-clicks"),
                skippedWithReason("kept from the run being resumed: blocked")));
        assertEquals(2, kit().set("counter.blocks", "two-clicks").set("gauntlet.resume", "latest")
                .set("gauntlet.retryBlocked", "2").testEvents().started().count(), "a higher limit allows one more try");
    }

    @Test
    void aBlockedEpisodeRerunThatPassesIsKeptAsPassed() throws IOException {
        kit().execute();
        Path run = onlyRun();
        // as if the site had refused the browser for two-clicks on both seeds: its journal lines say blocked
        rewriteEnds(run, "two-clicks", "blocked");
        Events again = kit().set("gauntlet.resume", "latest").set("gauntlet.retryBlocked", "1").testEvents();
        assertEquals(2, again.started().count());
        again.assertThatEvents().haveExactly(2, event(test("two-clicks"), finishedSuccessfully()));
        Events after = kit().set("gauntlet.resume", "latest").set("gauntlet.retryBlocked", "1").testEvents();
        assertEquals(0, after.started().count(), "the last end, passed, settles it");
        after.assertThatEvents().haveExactly(2, event(test("two-clicks"),
                skippedWithReason("kept from the run being resumed: passed")));
    }

    @Test
    void eachRetryKeyCountsOnlyItsOwnKindAndTheLastEndChoosesTheKey() throws IOException {
        kit().execute();
        Path run = onlyRun();
        // two-clicks: blocked, blocked, broken; three-clicks: broken, broken, blocked
        rewriteEnds(run, "two-clicks", "blocked");
        appendEnds(run, "two-clicks", "blocked", "broken");
        rewriteEnds(run, "three-clicks", "broken");
        appendEnds(run, "three-clicks", "broken", "blocked");
        // one broken end against retryBroken=1 reruns two-clicks, though it ended three times; three-clicks's last
        // end is blocked, and retryBlocked=0 keeps it whatever retryBroken allows
        Events brokenOnly = kit().set("gauntlet.resume", "latest").set("gauntlet.retryBroken", "1").testEvents();
        assertEquals(4, brokenOnly.started().count(), "two-clicks, and crashes (broken once)");
        brokenOnly.assertThatEvents().haveExactly(2, event(test("two-clicks"), finishedSuccessfully()));
        brokenOnly.assertThatEvents().haveExactly(2, event(test("three-clicks"),
                skippedWithReason("kept from the run being resumed: blocked")));
        // one blocked end against retryBlocked=1 reruns three-clicks, though it ended three times; crashes, broken
        // twice now, is kept by retryBroken=0
        Events blockedOnly = kit().set("gauntlet.resume", "latest").set("gauntlet.retryBlocked", "1").testEvents();
        assertEquals(2, blockedOnly.started().count());
        blockedOnly.assertThatEvents().haveExactly(2, event(test("three-clicks"), finishedSuccessfully()));
    }

    /** Replaces the status of every journal line of {@code task} (both seeds) with {@code status}. */
    private static void rewriteEnds(Path run, String task, String status) throws IOException {
        Path journal = new RunFolder(run).journal();
        List<String> lines = Files.readAllLines(journal).stream()
                .map(l -> isEnd(l, task) ? status + l.substring(l.indexOf('\t')) : l).toList();
        Files.write(journal, lines);
    }

    /** Appends, for each of {@code task}'s episodes, one journal line per status, in order. */
    private static void appendEnds(Path run, String task, String... statuses) throws IOException {
        Path journal = new RunFolder(run).journal();
        List<String> keys = Files.readAllLines(journal).stream().filter(l -> isEnd(l, task))
                .map(l -> l.substring(l.indexOf('\t'))).distinct().toList();
        assertEquals(2, keys.size(), "one key per seed");
        StringBuilder more = new StringBuilder();
        for (String status : statuses) {
            keys.forEach(k -> more.append(status).append(k).append('\n'));
        }
        Files.writeString(journal, more, java.nio.file.StandardOpenOption.APPEND);
    }

    private static boolean isEnd(String line, String task) {
        String[] f = line.split("\t");
        return !line.startsWith("#") && f.length == 5 && f[3].equals(task);
    }

    @Test
    void aFixedRunIdNamesTheFolderAndRefusesOneThatHoldsARun() {
        kit().set("gauntlet.runId", "nightly-1").execute();
        assertTrue(Files.isRegularFile(new RunFolder(runs.resolve("nightly-1")).journal()));
        kit().set("gauntlet.runId", "nightly-1").testEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(message(m -> m.startsWith("gauntlet.runId=nightly-1: ")
                        && m.endsWith(" holds a run already; continue it with -Dgauntlet.resume="
                        + runs.resolve("nightly-1") + " or choose another id")))));
    }

    @Test
    void aShardOfAnArrayWritesItsOwnFolderUnderTheRunId() {
        kit().set("gauntlet.runId", "nightly-2").set("gauntlet.shard", "2/3").execute();
        assertTrue(Files.isRegularFile(new RunFolder(runs.resolve("nightly-2/shard-2-of-3")).journal()));
        assertTrue(Files.notExists(runs.resolve("latest")), "a shard leaves runs/latest alone");
    }
}
