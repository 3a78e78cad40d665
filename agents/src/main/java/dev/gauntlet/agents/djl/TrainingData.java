package dev.gauntlet.agents.djl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dataset file's successful episodes as policy decisions, split into training and held-out sets by seed or by
 * task. Steps whose operation the policy does not predict, or whose target the observation lacks, are left out (they
 * still enter the history of later steps).
 */
final class TrainingData {

    /** How the held-out set is chosen. */
    record Split(Set<Long> heldOutSeeds, Set<String> heldOutTasks) {
        boolean heldOut(Dataset.Episode e) {
            return heldOutSeeds.contains(e.seed()) || heldOutTasks.contains(e.task());
        }

        String describe() {
            return !heldOutTasks.isEmpty() ? "by task: " + heldOutTasks : "by seed: " + heldOutSeeds;
        }
    }

    final List<Decision> train = new ArrayList<>();
    final List<Decision> heldOut = new ArrayList<>();
    final Set<String> suites = new TreeSet<>();
    final Set<String> trainTasks = new TreeSet<>();
    int episodes;

    static TrainingData read(Path file, Split split) throws IOException {
        TrainingData d = new TrainingData();
        DatasetFile.read(file, e -> {
            d.suites.add(e.suite());
            if (!e.success()) {
                return;
            }
            d.episodes++;
            List<Decision> into = split.heldOut(e) ? d.heldOut : d.train;
            if (into == d.train) {
                d.trainTasks.add(e.task());
            }
            into.addAll(decisions(e));
        });
        return d;
    }

    static List<Decision> decisions(Dataset.Episode e) {
        List<Decision> out = new ArrayList<>();
        List<Features.Past> history = new ArrayList<>();
        for (Dataset.StepRecord s : e.steps()) {
            Dataset.ActionRecord a = s.action();
            int gold = -1;
            for (int i = 0; i < s.elements().size(); i++) {
                if (s.elements().get(i).id().equals(a.target())) {
                    gold = i;
                }
            }
            if (gold >= 0 && Operation.PREDICTED.contains(a.operation())) {
                out.add(new Decision(e.instruction(), s.elements(), List.copyOf(history), gold, a.operation(),
                        a.value()));
            }
            history.add(new Features.Past(a.operation(), gold >= 0 ? s.elements().get(gold).text() : "", a.value()));
        }
        return out;
    }
}
