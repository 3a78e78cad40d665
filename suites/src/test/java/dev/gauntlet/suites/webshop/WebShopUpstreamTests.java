package dev.gauntlet.suites.webshop;

import dev.gauntlet.api.GauntletBenchmark;
import dev.gauntlet.engine.GauntletRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule agent against a real upstream WebShop server in Docker ({@code docker/webshop/README.md} builds the
 * image). Skipped when there is no Docker engine, or no {@code webshop:latest} image.
 */
@Testcontainers(disabledWithoutDocker = true)
class WebShopUpstreamTests {

    static final String IMAGE = System.getProperty("webshop.image", "webshop:latest");

    @GauntletBenchmark
    static class Benchmark {}

    @Test
    void theRuleAgentRunsOnUpstreamPagesAndTheScoreIsReadFromTheDonePage() {
        boolean present = !DockerClientFactory.instance().client().listImagesCmd()
                .withImageNameFilter(IMAGE).exec().isEmpty();
        Assumptions.assumeTrue(present, "Docker image '" + IMAGE + "' is not there: build it (docker/webshop/README.md)");
        try (GenericContainer<?> shop = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withWorkingDirectory("/webshop")
                .withCommand("python", "-m", "web_agent_site.app")
                .withExposedPorts(3000)
                .waitingFor(Wait.forHttp("/fixed_0").forPort(3000).withStartupTimeout(Duration.ofMinutes(5)))) {
            shop.start();
            String url = "http://" + shop.getHost() + ":" + shop.getMappedPort(3000);
            var events = GauntletRun.of(Benchmark.class).suite("webshop").set("webshop.url", url).agent("rule")
                    .tasks("goal-0000?").seeds("1").runsDir(Path.of("target/test-runs")).testEvents();
            assertEquals(10, events.started().count());
            assertEquals(0, events.aborted().count(), () -> events.aborted().list().toString());
        }
    }
}
