package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes {@code trajectories/<task>__<seed>.jsonl} as each episode ends: one {@code step} line per step (observation
 * digest, action as text and typed, timings, screenshot file, error), one {@code verdict} line per evaluator, and a
 * closing {@code episode} line (status, answer, stop reason). The suite and agent join the file name only when the
 * run has several.
 */
public final class TrajectoryLog implements RunListener {

    @Override
    public void episodeFinished(RunInfo run, EpisodeResult r) throws IOException {
        Path dir = Files.createDirectories(run.folder().trajectories());
        Path file = dir.resolve(fileName(run, r));
        StringBuilder out = new StringBuilder();
        Trajectory t = r.trajectory();
        if (t != null) {
            for (Step s : t.steps()) {
                line(out, step(s));
            }
        }
        for (java.util.Map.Entry<String, Verdict> v : dev.gauntlet.reports.store.ResultRow.labelled(r).entrySet()) {
            line(out, verdict(v.getKey(), v.getValue()));
        }
        ObjectNode end = Json.MAPPER.createObjectNode();
        end.put("type", "episode");
        end.put("suite", r.task().suite());
        end.put("task", r.task().id());
        end.put("seed", r.seed());
        end.put("agent", r.agent());
        end.put("status", r.status().label());
        end.put("message", r.message());
        end.put("duration_ms", r.durationMillis());
        if (t != null) {
            end.put("instruction", t.instruction());
            end.put("answer", t.answer());
            end.put("stop_reason", t.stopReason());
            end.put("final_url", t.finalUrl());
            end.put("final_screenshot", t.finalScreenshot());
        }
        line(out, end);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String fileName(RunInfo run, EpisodeResult r) {
        return RunFolder.trajectoryName(run.suites().size() > 1 ? r.task().suite() : null, r.task().id(), r.seed(),
                run.agents().size() > 1 ? r.agent().split(":", 2)[0] : null);
    }

    static ObjectNode step(Step s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "step");
        n.put("index", s.index());
        ObjectNode obs = n.putObject("observation");
        obs.put("url", s.url());
        obs.put("title", s.title());
        obs.put("chars", s.observationText().length());
        obs.put("sha256", sha256(s.observationText()));
        n.put("action", String.valueOf(s.action()));
        n.set("action_typed", typed(s.action()));
        n.put("error", s.error());
        n.put("screenshot", s.screenshot());
        n.put("agent_ms", s.agentMillis());
        n.put("act_ms", s.actMillis());
        n.put("observe_ms", s.observeMillis());
        if (!s.reasoning().isEmpty()) {
            n.put("reasoning", s.reasoning());
        }
        return n;
    }

    private static JsonNode typed(Action a) {
        if (a == null) {
            return Json.MAPPER.nullNode();
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("kind", a.getClass().getSimpleName());
        try {
            JsonNode fields = Json.MAPPER.valueToTree(a);
            if (fields.isObject()) {
                n.setAll((ObjectNode) fields);
                n.remove("terminal"); // Action#isTerminal, not a field
            }
        } catch (IllegalArgumentException e) {
            n.put("text", a.toString());
        }
        return n;
    }

    static ObjectNode verdict(String label, Verdict v) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "verdict");
        n.put("evaluator", label);
        n.put("outcome", v.outcome().name().toLowerCase(java.util.Locale.ROOT));
        Json.put(n, "score", v.score());
        n.put("explanation", v.explanation());
        try {
            n.set("evidence", Json.MAPPER.valueToTree(new java.util.TreeMap<>(v.evidence())));
        } catch (IllegalArgumentException e) {
            n.put("evidence", v.evidence().toString());
        }
        ObjectNode usage = n.putObject("usage");
        usage.put("tokens_in", v.usage().tokensIn());
        usage.put("tokens_out", v.usage().tokensOut());
        usage.put("cost_usd", v.usage().costUsd());
        return n;
    }

    private static void line(StringBuilder out, JsonNode node) throws IOException {
        out.append(Json.MAPPER.writeValueAsString(node)).append('\n');
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
