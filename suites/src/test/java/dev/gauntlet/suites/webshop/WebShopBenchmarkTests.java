package dev.gauntlet.suites.webshop;

import dev.gauntlet.api.GauntletBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** WebShop through the gauntlet engine, end to end: the replay agent buys every target, the rule baseline far fewer. */
class WebShopBenchmarkTests {

    @GauntletBenchmark
    static class Benchmark {}

    private static EngineExecutionResults run(String agent) {
        return EngineTestKit.engine("gauntlet")
                .selectors(selectClass(Benchmark.class))
                .configurationParameter("gauntlet.suite", "webshop")
                .configurationParameter("gauntlet.agent", agent)
                .configurationParameter("gauntlet.tasks", "goal-0000?,goal-0001?") // test goals 0-19
                .configurationParameter("gauntlet.seeds", "1")
                .configurationParameter("gauntlet.workers", "2")
                .configurationParameter("gauntlet.screenshots", "none")
                .configurationParameter("gauntlet.runsDir", "target/test-runs")
                .configurationParameter("gauntlet.leaderboard", "off")
                .execute();
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
