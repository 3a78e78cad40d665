package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.RecordedConfiguration;
import dev.gauntlet.api.RegionHints;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;

import dev.gauntlet.reports.store.CorruptRunException;
import dev.gauntlet.reports.store.ResultRow;
import dev.gauntlet.reports.store.StoredRun;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@code manifest.json}: what ran (suites and their sources, agents, seeds, the resolved configuration with
 * secrets redacted), on what (Gauntlet version and git commit, Java, Playwright, Chromium, OS, cores), from where
 * (the region hints of suites on live websites: time zone, locale, user agent, public address if allowed), and when.
 * Written with {@code "status": "running"} as the run starts and rewritten as {@code "finished"} at its end, so a
 * killed run is recognisable. A resumed run keeps the first {@code started_at}, adds the time to
 * {@code resumed_at}, and counts the outcomes of every episode in the folder's {@code results.csv}.
 */
public final class RunManifest implements RunListener {

    /** The value written instead of a secret. */
    static final String REDACTED = RecordedConfiguration.REDACTED;

    private ObjectNode node;

    @Override
    public synchronized void runStarted(RunInfo run) throws IOException {
        node = build(run, systemKeys(run));
        carryOver(run, node);
        node.put("status", "running");
        Json.write(run.folder().manifest(), node);
    }

    @Override
    public synchronized void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException {
        if (node == null) {
            node = build(run, systemKeys(run));
        }
        node.put("status", "finished");
        node.put("ended_at", Instant.now().toString());
        ObjectNode counts = node.putObject("outcomes");
        List<String> statuses = results.stream().map(r -> r.status().label()).toList();
        if (Files.isRegularFile(run.folder().results())) {
            try {
                statuses = StoredRun.results(run.folder()).stream().map(ResultRow::status).toList();
            } catch (CorruptRunException e) {
                // counted from this invocation's results; the summary names the fault
            }
        }
        for (EpisodeResult.Status s : EpisodeResult.Status.values()) {
            counts.put(s.label(), statuses.stream().filter(s.label()::equals).count());
        }
        Json.write(run.folder().manifest(), node);
    }

    /** A resumed run keeps its first start time and lists when it was resumed. */
    private static void carryOver(RunInfo run, ObjectNode node) {
        if (!Files.isRegularFile(run.folder().manifest())) {
            return;
        }
        try {
            JsonNode old = Json.MAPPER.readTree(run.folder().manifest().toFile());
            com.fasterxml.jackson.databind.node.ArrayNode resumed = node.putArray("resumed_at");
            old.path("resumed_at").forEach(resumed::add);
            resumed.add(node.path("started_at").asText());
            if (old.hasNonNull("started_at")) {
                node.put("started_at", old.get("started_at").asText());
            }
        } catch (IOException e) {
            // an unreadable manifest is rewritten whole
        }
    }

    /** Builds the manifest of a starting run; {@code extraKeys} are configuration keys beyond {@link Constants}. */
    static ObjectNode build(RunInfo run, Set<String> extraKeys) {
        Config config = run.config();
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("format_version", RunFolder.FORMAT_VERSION);
        m.put("id", run.id());
        config.get(Constants.RUN_LABEL).ifPresent(l -> m.put("label", l));
        ObjectNode gauntlet = m.putObject("gauntlet");
        gauntlet.put("version", RuntimeFacts.gauntletVersion());
        gauntlet.set("git", Json.MAPPER.valueToTree(RuntimeFacts.git()));
        ObjectNode runtime = m.putObject("runtime");
        runtime.set("java", Json.MAPPER.valueToTree(RuntimeFacts.java()));
        runtime.put("playwright", RuntimeFacts.playwrightVersion());
        runtime.put("chromium", RuntimeFacts.chromiumVersion(config));
        runtime.set("os", Json.MAPPER.valueToTree(RuntimeFacts.os()));
        m.set("suites", Json.MAPPER.valueToTree(new TreeMap<>(run.suites())));
        m.set("agents", Json.MAPPER.valueToTree(run.agents().stream().map(RunManifest::redactAgent).toList()));
        m.set("seeds", Json.MAPPER.valueToTree(run.seeds()));
        m.put("episodes_planned", run.episodes());
        m.put("workers", run.workers());
        m.put("shard", config.get(Constants.SHARD, "1/1"));
        m.put("started_at", run.startedAt().toString());
        m.set("config", Json.MAPPER.valueToTree(configuration(config, extraKeys)));
        if (!run.regionHints().isEmpty()) {
            ObjectNode region = m.putObject("region_hints");
            new TreeMap<>(run.regionHints()).forEach((suite, h) -> region.set(suite, regionHints(h)));
        }
        return m;
    }

    /** A suite's region hints: time zone, locale, user agent, and the public address or why it is absent. */
    static ObjectNode regionHints(RegionHints h) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("time_zone", h.timeZone());
        n.put("locale", h.locale());
        n.put("user_agent", h.userAgent());
        if (h.publicIp().isEmpty()) {
            n.put("public_ip_absent", h.publicIpAbsent());
        } else {
            n.put("public_ip", h.publicIp());
        }
        return n;
    }

    /** Returns every {@link Constants} key (default applied) and {@code extraKeys} that are set, secrets redacted. */
    static Map<String, String> configuration(Config config, Set<String> extraKeys) {
        return RecordedConfiguration.of(config, extraKeys);
    }

    /** Redacts secret arguments of an agent spec: {@code llm:api_key=sk-1,model=x} → {@code llm:api_key=***,model=x}. */
    static String redactAgent(String spec) {
        return RecordedConfiguration.redactAgent(spec);
    }

    /** Keys set as system properties that belong to this run: {@code gauntlet.*}, judges, and its suites' and agents'. */
    static Set<String> systemKeys(RunInfo run) {
        return RecordedConfiguration.systemKeysOf(run.suites().keySet(), run.agents());
    }
}
