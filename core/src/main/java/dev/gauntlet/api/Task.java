package dev.gauntlet.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One benchmark task: what to do, where to start, and how its outcome is checked.
 *
 * @param suite        name of the suite it belongs to
 * @param id           id unique within the suite; part of the JUnit unique id, so keep it stable
 * @param instruction  the instruction shown to the agent (may be empty when the page generates it per seed)
 * @param startUrls    pages opened at the start, one tab each (may be empty when the suite opens its own)
 * @param tags         JUnit tags ({@code site:gitlab}, {@code category:forms}); used by {@code -Dgroups=}
 * @param oracle       the benchmark's own check with this task's input, or {@code null} when only judges can score it
 * @param allowedHosts what the browser may reach, requests elsewhere are blocked: origins ({@code http://host:port},
 *                     all three must match) and live-web domains ({@code example.com}, {@code *.example.com}: http
 *                     and https on the default ports); a suite adds the origins of the sites it starts itself when
 *                     it opens the episode's browser; {@code *} (or none) allows all
 * @param maxSteps     step limit for this task, or 0 for the run's default
 * @param metadata     anything else worth keeping in reports, verbatim (never read back by the harness)
 */
public record Task(String suite, String id, String instruction, List<String> startUrls, Set<String> tags,
                   Oracle oracle, Set<String> allowedHosts, int maxSteps, Map<String, Object> metadata) {

    public Task {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(id, "id");
        instruction = instruction == null ? "" : instruction;
        startUrls = List.copyOf(startUrls == null ? List.of() : startUrls);
        tags = Set.copyOf(tags == null ? Set.of() : tags);
        allowedHosts = Set.copyOf(allowedHosts == null ? Set.of() : allowedHosts);
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
    }

    /** Returns {@code suite/id}, the task's name in logs and file names. */
    public String qualifiedId() {
        return suite + "/" + id;
    }
}
