package dev.gauntlet.suites.miniwob;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Issue 15's three probes, a stand-in model server playing a hostile or confused {@code llm} agent on the built-in
 * MiniWoB click-button task in real Chromium: leaving the task page ends failed (the agent's doing), another service
 * on the task's host is blocked by the origin fence, and a model server that stays down breaks the episode (an outage,
 * rerun by resume with {@code gauntlet.retryBroken}; a {@code remote} agent's server that is down likewise), where before they ended broken, loaded, and failed.
 */
class HostileAgentProbeTests {

    @GauntletBenchmark
    static class Run {}

    @TempDir
    Path runs;

    private GauntletRun kit(String baseUrl) {
        return GauntletRun.of(Run.class).suite("miniwob").tasks("click-button").seeds("1").agent("llm")
                .screenshots("none").runsDir(runs).set("gauntlet.maxSteps", "3").set("llm.base_url", baseUrl)
                .set("llm.model", "stand-in").set("llm.cache_dir", "off").set("llm.max_retries", "1");
    }

    @Test
    void anAgentThatGoesToAFileIsBlockedAndFailsForLeavingTheTaskPage() throws Exception {
        try (StandInServer llm = StandInServer.start()) {
            llm.otherwise(Reply.text("Let me read the password file.\ngoto('file:///etc/passwd')"));
            Events events = kit(llm.baseUrl()).testEvents();
            events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(AssertionError.class),
                    message(m -> m.contains("left the task page")))));
            assertEquals(1, llm.received().size(), "the episode ended at the step that left the page");
            String run = runFiles();
            assertTrue(run.contains("blocked by the fence"), "the step's error names the fence");
            assertTrue(run.contains("left-task"), "the stop reason is recorded");
            assertTrue(!run.contains("root:x:0:0"), "the file's content never reached the run");
        }
    }

    @Test
    void anAgentThatGoesToTheModelServersPortOnTheSameHostIsBlockedByTheFence() throws Exception {
        try (StandInServer llm = StandInServer.start()) {
            String models = llm.baseUrl() + "/models";
            llm.otherwise(Reply.text("Let me look at the model server.\ngoto('" + models + "')"));
            Events events = kit(llm.baseUrl()).testEvents();
            assertEquals(0, llm.modelListings(), "the browser never reached the model server on 127.0.0.1");
            assertTrue(runFiles().contains("blocked by the fence"), "the step's error names the fence");
            events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(AssertionError.class),
                    message(m -> m.contains("left the task page")))));
        }
    }

    @Test
    void aModelServerThatStaysDownBreaksTheEpisodeAndAResumeRerunsIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // nothing listens there once it is closed
        }
        String baseUrl = "http://127.0.0.1:" + port + "/v1";
        kit(baseUrl).testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(dev.gauntlet.engine.EpisodeBrokenException.class),
                message(m -> m.startsWith("infrastructure error: the model server stayed unreachable")
                        && m.contains("gave up after 2 attempts")))));
        try (StandInServer llm = StandInServer.start(port)) {
            llm.otherwise(Reply.text("Nothing to do yet.\nnoop()"));
            Events again = kit(baseUrl).set("gauntlet.resume", "latest").set("gauntlet.retryBroken", "1").testEvents();
            assertEquals(1, again.started().count(), "the broken episode runs again");
            again.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(AssertionError.class),
                    message(m -> !m.contains("infrastructure error")))));
            assertTrue(!llm.received().isEmpty(), "the agent asked the model server that came back");
        }
    }

    @Test
    void aRemoteAgentServerThatIsDownBreaksTheEpisodeAsAnOutage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GauntletRun.of(Run.class).suite("miniwob").tasks("click-button").seeds("1")
                .agent("remote:url=http://127.0.0.1:" + port + ",retries=1,timeout_s=2").screenshots("none")
                .runsDir(runs).set("gauntlet.maxSteps", "3").testEvents().assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(instanceOf(dev.gauntlet.engine.EpisodeBrokenException.class),
                        message(m -> m.startsWith("infrastructure error: the agent server stayed unreachable")
                                && m.contains("gave up after 2 attempts")))));
    }

    private String runFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(runs.resolve("latest").toRealPath())) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".jsonl")
                    || p.toString().endsWith(".csv") || p.toString().endsWith(".json")).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
