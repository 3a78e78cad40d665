package dev.gauntlet.agents.djl;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user's own TorchScript policy through the engine on built-in MiniWoB: {@code -Dagent=djl:model=DIR} with the
 * agents module's fixture folder (written by {@code make_torchscript_fixture.py}, trained on gold seeds 0–29 of
 * these four tasks), on held-out seeds 30 and 31.
 */
class TorchScriptRunTests {

    @GauntletBenchmark
    static class Benchmark {}

    static final Path FIXTURE = Path.of("../agents/src/test/resources/dev/gauntlet/agents/djl/torchscript-policy")
            .toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theUsersPolicySolvesTheTasksItWasTrainedForOnHeldOutSeeds() {
        Events episodes = GauntletRun.of(Benchmark.class).suite("miniwob").agent("djl:model=" + FIXTURE)
                .tasks("click-button,click-link,enter-text,login-user").seeds("30,31").screenshots("none")
                .runsDir(dir.resolve("runs")).set("gauntlet.report.html", "false").set("gauntlet.device", "cpu")
                .testEvents();
        assertEquals(8, episodes.succeeded().count(), () -> episodes.failed().list().toString());
    }
}
