package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.Verdict;
import dev.gauntlet.reports.store.ResultRow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryJsonTests {

    /** 7 of 10 scored episodes pass, one more is broken, one skipped (no site) and one unscored (ran, no verdict). */
    @Test
    void reportsSuccessRateStandardErrorAndWilsonIntervalAsComputedByHand() {
        List<EpisodeResult> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(i < 7 ? Fixtures.passed("t" + (i % 4), i, "random") : Fixtures.failed("t" + (i % 4), i, "random"));
        }
        results.add(Fixtures.episode("t9", 10, "random", EpisodeResult.Status.BROKEN, null));
        results.add(Fixtures.episode("t9", 11, "random", EpisodeResult.Status.SKIPPED,
                Verdict.unscored("miniwob-reward", "no page")));
        results.add(Fixtures.episode("t9", 12, "random", EpisodeResult.Status.SKIPPED, null));
        JsonNode g = SummaryJson.render("run", results.stream().map(ResultRow::of).toList()).path("groups").get(0);

        assertEquals(13, g.path("episodes").asInt());
        assertEquals(5, g.path("tasks").asInt());
        assertEquals(1, g.path("broken").asInt());
        assertEquals(1.0 / 13, g.path("infra_error_rate").asDouble(), 1e-6, "broken / all episodes, apart from failures");
        assertEquals(1, g.path("skipped").asInt(), "the environment was not there");
        assertEquals(1, g.path("unscored").asInt(), "it ran, but the oracle could not score it");
        assertEquals(0.7, g.path("success_rate").asDouble(), 1e-12);
        // sqrt(0.7 * 0.3 / 10)
        assertEquals(0.144914, g.path("success_stderr").asDouble(), 1e-6);
        // Wilson: (0.7 + z²/20 ± z·sqrt(0.021 + z²/400)) / (1 + z²/10), z = 1.959964
        assertEquals(0.396778, g.path("success_ci95").get(0).asDouble(), 1e-5);
        assertEquals(0.892209, g.path("success_ci95").get(1).asDouble(), 1e-5);
        // rewards: 7 × 0.9, 3 × 0.0 (broken and skipped have none) → 0.63; scores 7 × 1.0 → 0.7
        assertEquals(0.63, g.path("mean_reward").asDouble(), 1e-12);
        assertEquals(0.7, g.path("mean_score").asDouble(), 1e-12);
        assertEquals(2.0, g.path("mean_steps").asDouble(), 1e-12);
        // durations of the 11 started episodes: 1000..1010 ms → median 1.005 s
        assertEquals(1.005, g.path("median_seconds").asDouble(), 1e-12);
        assertEquals(130, g.path("tokens_in").asLong());
        assertEquals(3.25, g.path("cost_usd").asDouble(), 1e-12);
    }
}
