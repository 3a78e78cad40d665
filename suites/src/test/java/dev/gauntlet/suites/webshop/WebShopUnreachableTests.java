package dev.gauntlet.suites.webshop;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stopped upstream WebShop server: every episode is skipped with one reason naming the key, none is broken. */
class WebShopUnreachableTests {

    @GauntletBenchmark
    static class Benchmark {}

    @TempDir
    Path runs;

    @Test
    void episodesAreSkippedNamingTheServerAndTheKeyNotBroken() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, nothing listens once closed
        }
        List<Event> finished = GauntletRun.of(Benchmark.class).suite("webshop").agent("rule").tasks("goal-0000?")
                .seeds("1").set("webshop.url", "http://127.0.0.1:" + port).runsDir(runs).testEvents().finished().list();
        assertEquals(10, finished.size());
        for (Event e : finished) {
            TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
            assertEquals(TestExecutionResult.Status.ABORTED, r.getStatus(), r.toString());
            String why = r.getThrowable().orElseThrow().getMessage();
            assertTrue(why.startsWith("the WebShop server at http://127.0.0.1:" + port + " does not answer (")
                    && why.endsWith("or fix webshop.url"), why);
        }
    }
}
