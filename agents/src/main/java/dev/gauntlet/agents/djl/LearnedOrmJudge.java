package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
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
 * {@code -Djudge=learned-orm} with {@code -Djudge.learnedOrm.model=DIR}: the outcome reward model trained by
 * {@code train-orm} as a judge. Success when P(success) ≥ 0.5; the verdict's score is P(success). It reads what
 * every trajectory records: the instruction, each action and, from the step's accessibility text, the role and name
 * of the element it targeted.
 */
public final class LearnedOrmJudge implements Judge {

    private static final Pattern NODE = Pattern.compile("^\\s*\\[([^\\]]+)\\] (\\S+) \"(.*)\"\\s*$");
    private static final Map<Path, OrmModel> MODELS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "learned-orm";
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) {
        String dir = Settings.JUDGE_LEARNED_ORM_MODEL.read(context.config());
        if (dir == null || dir.isBlank()) {
            return Verdict.unscored(name(), "set " + Settings.JUDGE_LEARNED_ORM_MODEL.key()
                    + " to a model folder written by train-orm");
        }
        OrmModel model;
        try {
            model = MODELS.computeIfAbsent(Path.of(dir).toAbsolutePath().normalize(), p -> {
                ModelManifest m = ModelFolder.manifest(p, "orm", trajectory.task().suite());
                byte[] bytes = ModelFolder.parameters(p, m);
                return OrmModel.decode(ModelFolder.num(m.hyperparameters(), "buckets"),
                        ModelFolder.num(m.hyperparameters(), "hidden"),
                        Devices.engine().newBaseManager(Devices.pick(Settings.DEVICE.read(context.config()))), bytes);
            });
        } catch (IllegalArgumentException e) {
            return Verdict.unscored(name(), e.getMessage());
        }
        float p;
        synchronized (model) {
            p = model.probabilities(List.of(view(trajectory)))[0];
        }
        String why = String.format("the learned reward model gives P(success) = %.3f", p);
        return p >= 0.5f ? Verdict.success(name(), p, why, Map.of("p_success", p))
                : Verdict.failure(name(), p, why, Map.of("p_success", p));
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
