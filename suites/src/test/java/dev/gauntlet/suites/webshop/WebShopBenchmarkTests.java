package dev.gauntlet.suites.webshop;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebShop through the gauntlet engine, end to end: the replay agent buys every target, the rule baseline far fewer. */
class WebShopBenchmarkTests {

    @GauntletBenchmark
    static class Benchmark {}

    private static EngineExecutionResults run(String agent) {
        return GauntletRun.of(Benchmark.class).suite("webshop").agent(agent)
                .tasks("goal-0000?,goal-0001?") // test goals 0-19
                .seeds("1").workers(2).screenshots("none").runsDir(Path.of("target/test-runs")).execute();
    }

    @Test
    void replayBuysEveryTargetAndTheRuleBaselineFarFewer() {
        var replay = run("replay").testEvents();
        assertEquals(20, replay.started().count());
        assertEquals(20, replay.succeeded().count(), () -> replay.failed().list().toString());
        var rule = run("rule").testEvents();
        assertEquals(20, rule.started().count());
        assertEquals(0, rule.aborted().count(), () -> rule.aborted().list().toString());
        assertTrue(rule.succeeded().count() <= 8, "rule baseline passed " + rule.succeeded().count() + " of 20");
    }
}
