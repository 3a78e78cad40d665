package dev.gauntlet.reports;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Usage;
import dev.gauntlet.api.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fabricated runs and episodes for the report tests. */
final class Fixtures {

    private Fixtures() {}

    static RunInfo run(Path dir, Config config, String agent) {
        return new RunInfo(dir.getFileName().toString(), dir, config, Map.of("miniwob", "built-in (2 tasks)"),
                List.of(agent), List.of(0L, 1L), 4, 1, Instant.parse("2026-11-21T10:15:00Z"));
    }

    static Task task(String id) {
        return new Task("miniwob", id, "Click the button", List.of(), Set.of("category:click"),
                null, Set.of("localhost"), 0, Map.of());
    }

    static EpisodeResult passed(String task, long seed, String agent) {
        return episode(task, seed, agent, EpisodeResult.Status.PASSED,
                Verdict.success("miniwob-reward", 1.0, "reward 1.0", Map.of("reward", 0.9)).withReward(0.9));
    }

    static EpisodeResult failed(String task, long seed, String agent) {
        return episode(task, seed, agent, EpisodeResult.Status.FAILED,
                Verdict.failure("miniwob-reward", 0.0, "reward 0", Map.of("reward", 0.0)));
    }

    static EpisodeResult episode(String task, long seed, String agent, EpisodeResult.Status status, Verdict verdict) {
        Task t = task(task);
        List<Step> steps = List.of(
                new Step(0, "http://localhost/a", "A", "[1] button \"OK\"", new Action.Click("1"), "", "", 5, 6, 7, ""),
                new Step(1, "http://localhost/a", "A", "[1] button \"OK\"", new Action.Fill("2", "hi, \"you\""),
                        "element 2 not found", "", 1, 2, 3, ""));
        Trajectory trajectory = new Trajectory(t, seed, agent, steps, "42", "http://localhost/a", "", "answer");
        return new EpisodeResult(t, seed, agent, status, java.util.Optional.ofNullable(verdict), Map.of(), trajectory,
                verdict == null ? "site down" : verdict.explanation(), null, 1000 + seed, new Usage(10, 5, 0.25));
    }
}
