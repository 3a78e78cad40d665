package dev.gauntlet.agents.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.wire.ObservationWire;

/**
 * The three messages the harness sends an agent server ({@code start}, {@code step}, {@code end}), as
 * {@code clients/protocol/agent-protocol.json} defines them. They carry what the agent may see: the task, the page and
 * the verdict; never the run's configuration (API keys, file paths) or page scripts.
 */
final class AgentMessages {

    private AgentMessages() {}

    static ObjectNode start(String episodeId, EpisodeStart start, String grammar) {
        ObjectNode m = header(episodeId);
        m.put("suite", start.task().suite());
        m.put("task_id", start.task().id());
        m.put("instruction", start.task().instruction());
        m.put("seed", start.seed());
        m.put("max_steps", start.maxSteps());
        m.put("grammar", grammar);
        ArrayNode tags = m.putArray("tags");
        start.task().tags().stream().sorted().forEach(tags::add);
        return m;
    }

    static ObjectNode step(String episodeId, int index, Observation obs, String lastAction, boolean screenshot) {
        ObjectNode m = header(episodeId);
        m.put("step", index);
        m.set("obs", ObservationWire.write(obs, lastAction, screenshot));
        return m;
    }

    static ObjectNode end(String episodeId, EpisodeResult result) {
        ObjectNode m = header(episodeId);
        m.put("status", result.status().label());
        m.put("success", result.success());
        putNumber(m, "reward", result.reward());
        putNumber(m, "score", result.score());
        m.put("steps", result.steps());
        m.put("message", result.message());
        return m;
    }

    private static ObjectNode header(String episodeId) {
        ObjectNode m = ObservationWire.JSON.createObjectNode();
        m.put("protocol_version", ObservationWire.PROTOCOL_VERSION);
        m.put("episode_id", episodeId);
        return m;
    }

    private static void putNumber(ObjectNode m, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            m.putNull(key);
        } else {
            m.put(key, value);
        }
    }
}
