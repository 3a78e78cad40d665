package dev.gauntlet.suites.webarena;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the upstream WebArena site images that are loaded locally (docker/webarena/README.md) and checks each
 * answers on its page; skipped without Docker, and per image when it is not loaded.
 */
@Testcontainers(disabledWithoutDocker = true)
class WebArenaContainersTests {

    /** Image, container port and health path of each site that runs from one image. */
    private static final Map<String, Object[]> SITES = Map.of(
            "shopping", new Object[] {"shopping_final_0712", 80, "/"},
            "shopping_admin", new Object[] {"shopping_admin_final_0719", 80, "/admin"},
            "reddit", new Object[] {"postmill-populated-exposed-withimg", 80, "/"},
            "gitlab", new Object[] {"gitlab-populated-final-port8023", 8023, "/explore"});

    @Test
    void everyLoadedSiteImageStartsAndAnswers() throws Exception {
        List<String> started = new ArrayList<>();
        for (Map.Entry<String, Object[]> site : SITES.entrySet()) {
            String image = (String) site.getValue()[0];
            boolean loaded = !DockerClientFactory.instance().client().listImagesCmd()
                    .withImageNameFilter(image).exec().isEmpty();
            if (!loaded) {
                continue;
            }
            int port = (Integer) site.getValue()[1];
            String path = (String) site.getValue()[2];
            try (GenericContainer<?> c = new GenericContainer<>(image).withExposedPorts(port)
                    .waitingFor(Wait.forHttp(path).forPort(port).forStatusCodeMatching(s -> s < 500)
                            .withStartupTimeout(Duration.ofMinutes(10)))) {
                c.start();
                String url = "http://" + c.getHost() + ":" + c.getMappedPort(port) + path;
                HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
                assertTrue(conn.getResponseCode() < 500, site.getKey() + " at " + url);
                started.add(site.getKey());
            }
        }
        Assumptions.assumeFalse(started.isEmpty(), "no WebArena site image is loaded (docker load them: "
                + "docker/webarena/README.md)");
    }
}
