package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Judge;
import dev.gauntlet.api.Settings;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -Djudge=learned-orm:model=DIR} (or {@code -Djudge=learned-orm} with {@code judge.learnedOrm.model=DIR}):
 * the outcome reward model trained by {@code train-orm} as a judge. Success when P(success) ≥ 0.5; the verdict's
 * score is P(success). It reads what every trajectory records: the instruction, each action and, from the step's
 * accessibility text, the role and name of the element it targeted. The model is loaded at discovery
 * ({@link #prepare}), so a missing or corrupt folder stops the run before any episode.
 */
public final class LearnedOrmJudge implements Judge {

    private static final Pattern NODE = Pattern.compile("^\\s*\\[([^\\]]+)\\] (\\S+) \"(.*)\"\\s*$");
    private static final Map<Path, Loaded> MODELS = new ConcurrentHashMap<>();

    private record Loaded(ModelManifest manifest, OrmModel model) {}

    private String modelArg;

    @Override
    public String name() {
        return "learned-orm";
    }

    @Override
    public void configure(Map<String, String> args) {
        for (String k : args.keySet()) {
            if (!k.equals("model")) {
                throw new ConfigException("judge 'learned-orm' has no argument '" + k + "'; arguments: model");
            }
        }
        modelArg = args.get("model");
    }

    /** Loads the model now: no model configured, a missing folder or a corrupt one is one line before any episode. */
    @Override
    public void prepare(Config config) {
        String dir = modelDir(config);
        if (dir == null || dir.isBlank()) {
            throw new ConfigException("judge 'learned-orm' needs a model folder written by train-orm:"
                    + " -Djudge=learned-orm:model=DIR or " + Settings.JUDGE_LEARNED_ORM_MODEL.key() + "=DIR");
        }
        Loaded loaded;
        try {
            loaded = load(dir, config);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("judge 'learned-orm': " + e.getMessage());
        }
        // a run of one other suite could only give unscored verdicts: say so now (a run of several suites judges
        // the model's own suite's episodes and leaves the others unscored, naming both suites)
        String suite = SharedModels.runSuite(config);
        if (suite != null && !suite.equals(loaded.manifest().suite())) {
            throw new ConfigException("judge 'learned-orm': the model in " + dir + " was trained on suite '"
                    + loaded.manifest().suite() + "', and this run's suite is '" + suite + "'");
        }
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        String dir = modelDir(context.config());
        if (dir == null || dir.isBlank()) {
            return Verdict.unscored(name(), "set " + Settings.JUDGE_LEARNED_ORM_MODEL.key()
                    + " to a model folder written by train-orm");
        }
        Loaded loaded;
        try {
            loaded = load(dir, context.config());
        } catch (IllegalArgumentException e) {
            return Verdict.unscored(name(), e.getMessage());
        }
        String suite = trajectory.task().suite();
        if (!suite.equals(loaded.manifest().suite())) {
            return Verdict.unscored(name(), "the model in " + dir + " was trained on suite '"
                    + loaded.manifest().suite() + "', not '" + suite + "'");
        }
        OrmModel model = loaded.model();
        float p;
        synchronized (model) {
            p = model.probabilities(List.of(view(trajectory)))[0];
        }
        String why = String.format("the learned reward model gives P(success) = %.3f", p);
        return p >= 0.5f ? Verdict.success(name(), p, why, Map.of("p_success", p))
                : Verdict.failure(name(), p, why, Map.of("p_success", p));
    }

    private String modelDir(Config config) {
        return modelArg != null ? modelArg : Settings.JUDGE_LEARNED_ORM_MODEL.read(config);
    }

    /** The model of {@code dir}, loaded once per JVM; a problem is one line naming the file. */
    private static Loaded load(String dir, Config config) {
        return MODELS.computeIfAbsent(Path.of(dir).toAbsolutePath().normalize(), p -> {
            ModelManifest m = ModelFolder.manifest(p, "orm", null);
            byte[] bytes = ModelFolder.parameters(p, m);
            try {
                return new Loaded(m, OrmModel.decode(ModelFolder.num(m.hyperparameters(), "buckets"),
                        ModelFolder.num(m.hyperparameters(), "hidden"),
                        Devices.engine().newBaseManager(Devices.pick(Settings.DEVICE.read(config))), bytes));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p.resolve(ModelFolder.PARAMETERS) + ": " + e.getMessage());
            }
        });
    }

    /** The episode as the reward model reads it, from what the trajectory recorded. */
    static OrmModel.View view(Trajectory t) {
        List<OrmModel.Act> acts = new ArrayList<>();
        for (Step s : t.steps()) {
            Action a = s.action();
            String target = EpisodeRecorder.target(a);
            String role = "";
            String text = "";
            for (String line : s.observationText().split("\n")) {
                Matcher m = NODE.matcher(line);
                if (m.matches() && m.group(1).equals(target)) {
                    role = m.group(2);
                    text = m.group(3).replace("\\\"", "\"");
                    break;
                }
            }
            acts.add(new OrmModel.Act(Operation.of(a), role, text, Dataset.ActionRecord.of(a, target).value(),
                    !s.error().isEmpty()));
        }
        return new OrmModel.View(t.instruction(), acts, t.answer());
    }
}
