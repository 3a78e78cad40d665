package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -Dagent=djl:model=PATH}: a trained policy in-process on DJL PyTorch. Each step's observation goes to the
 * model's shared {@link BatchingPredictor}; the chosen element, operation and value become the action. Arguments:
 * {@code model} (a model folder; none: the default model, trained once), {@code maxBatch} (default 8),
 * {@code maxWaitMs} (default 1).
 */
public final class DjlAgent implements Agent {

    private static final Set<String> KEYS = Set.of("model", "maxBatch", "maxWaitMs");

    private Path model;
    private int maxBatch = 8;
    private double maxWaitMs = 1;
    private BatchingPredictor predictor;
    private final List<Features.Past> past = new ArrayList<>();

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public void configure(Map<String, String> args) {
        for (String k : args.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ConfigException("agent 'djl' has no argument '" + k + "'; arguments: model, maxBatch,"
                        + " maxWaitMs");
            }
        }
        model = args.containsKey("model") ? Path.of(args.get("model")) : null;
        maxBatch = integer(args, "maxBatch", maxBatch);
        maxWaitMs = integer(args, "maxWaitMs", (int) maxWaitMs);
    }

    /**
     * Loads (or trains) the model now, so that a missing or corrupt folder is one line before any episode runs;
     * the engine calls it at discovery.
     */
    public void prepare(Config config) {
        predictor = SharedModels.get(model, config, maxBatch, maxWaitMs);
    }

    @Override
    public void begin(EpisodeStart start) {
        past.clear();
        if (predictor == null) {
            prepare(start.config());
        }
        String suite = predictor.suite();
        if (suite != null && !suite.equals(start.task().suite())) {
            throw new ConfigException("agent 'djl': the model was trained for suite '" + suite + "' and does not play"
                    + " suite '" + start.task().suite() + "' (task " + start.task().id() + ")");
        }
    }

    @Override
    public Action act(Observation observation, List<Step> history) throws Exception {
        List<Dataset.ElementRecord> elements = observation.elements().stream().map(Dataset.ElementRecord::of).toList();
        if (elements.isEmpty()) {
            return new Action.Noop(0);
        }
        Decision.Choice c = predictor.decide(Decision.ask(observation.instruction(), elements, List.copyOf(past)));
        Dataset.ElementRecord e = elements.get(c.element());
        past.add(new Features.Past(c.operation(), e.text(), c.value()));
        return switch (c.operation()) {
            case FILL -> new Action.Fill(e.id(), c.value());
            case SELECT -> new Action.Select(e.id(), List.of(c.value()));
            case HOVER -> new Action.Hover(e.id());
            default -> new Action.Click(e.id());
        };
    }

    private static int integer(Map<String, String> args, String key, int fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < (key.equals("maxBatch") ? 1 : 0)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException("agent 'djl' argument '" + key + "' is '" + v + "' but must be an integer >= "
                    + (key.equals("maxBatch") ? 1 : 0));
        }
    }
}
