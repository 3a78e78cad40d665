package dev.gauntlet.suites.remote;

import dev.gauntlet.api.Config;
import dev.gauntlet.serve.EnvServer;
import dev.gauntlet.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gauntlet serve} on a live-web suite whose site refuses the browser (issue 12's "blocked" status, issue 15's
 * attribution): the reset or step that meets the wall answers 502 naming the wall, never a 500 (a broken server) nor a
 * reward of 0 (an agent's failure), and the server goes on.
 */
class EnvServerBlockedTests {

    @TempDir
    Path dir;

    @Test
    void aWallAtResetOrAfterAStepIs502NamingItAndTheServerGoesOn() throws Exception {
        try (SiteServer site = SiteServer.start().mount("/", ex -> {
            switch (ex.getRequestURI().getPath()) {
                case "/challenge" -> SiteServer.html(ex, 403, "<html><head><title>Just a moment...</title></head>"
                        + "<body><p>Checking the connection.</p></body></html>");
                case "/shop" -> SiteServer.html(ex, 200, "<html><head><title>Deals</title></head><body><h1>Deals</h1>"
                        + "<a href=\"/verify\">Today's deal</a></body></html>");
                case "/verify" -> SiteServer.html(ex, 200, "<html><head><title>Deals</title></head><body>"
                        + "<p>Please verify you are human to continue.</p></body></html>");
                default -> SiteServer.html(ex, 404, "<p>no such page</p>");
            }
        })) {
            Path tasks = dir.resolve("walls.jsonl");
            Files.writeString(tasks, "{\"web_name\": \"Walls\", \"id\": \"Walls--0\", \"ques\": \"Find the deal.\", \"web\": \""
                    + site.url("/challenge") + "\"}\n{\"web_name\": \"Walls\", \"id\": \"Walls--1\", \"ques\": "
                    + "\"Find the deal.\", \"web\": \"" + site.url("/shop") + "\"}\n");
            try (EnvServer server = EnvServer.start(Config.of(Map.of("gauntlet.serve.port", "0",
                    "gauntlet.workers", "1", "webvoyager.tasks", tasks.toString())))) {
                EnvClient client = new EnvClient(server.url(), null);

                EnvClient.Reply reset = client.post("/reset", EnvClient.json("suite", "webvoyager", "task", "Walls--0"));
                assertEquals(502, reset.status(), reset.toString());
                String error = reset.body().get("error").asText();
                assertTrue(error.startsWith("blocked by the site: the page answered HTTP 403, a challenge page titled 'Just a moment...'"),
                        error);
                assertTrue(error.endsWith("; no session was opened"), error);

                EnvClient.Reply open = client.post("/reset", EnvClient.json("suite", "webvoyager", "task", "Walls--1"));
                assertEquals(200, open.status(), open.toString());
                String session = open.body().get("session").asText();
                EnvClient.Reply step = client.post("/step", EnvClient.json("session", session, "action",
                        "click('css=a')"));
                assertEquals(502, step.status(), step.toString());
                assertTrue(step.body().get("error").asText().contains("verify you are human"), step.toString());
                assertEquals(404, client.post("/step", EnvClient.json("session", session, "action", "noop()")).status(),
                        "the blocked session is closed");
                assertEquals(200, client.get("/suites").status(), "the server goes on");
            }
        }
    }
}
