package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Task;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outcome reward model ({@code train-orm}) and the {@code learned-orm} judge, trained for real on the CPU. */
class LearnedOrmTests {

    @TempDir
    static Path dir;
    static Path model;
    static ModelManifest manifest;

    /** A click-button episode that clicked the quoted button (success) or another one (failure). */
    static Dataset.Episode clicked(long seed, boolean right) {
        Dataset.Episode gold = SyntheticEpisodes.clickButton(seed, SyntheticEpisodes.WORDS);
        Dataset.StepRecord s = gold.steps().get(0);
        String target = right ? s.action().target() : s.elements().stream().map(Dataset.ElementRecord::id)
                .filter(id -> !id.equals(s.action().target())).findFirst().orElseThrow();
        Dataset.StepRecord step = new Dataset.StepRecord(0, s.url(), s.elements(),
                new Dataset.ActionRecord(Operation.CLICK, target, "", ""), "");
        return new Dataset.Episode(Dataset.SCHEMA, "miniwob", seed < 40 ? "click-button" : "click-link", seed,
                "run:x", "random", gold.instruction(), List.of(step), right ? "success" : "failure",
                right ? 1 : -1, "", "");
    }

    @BeforeAll
    static void train() throws Exception {
        Path data = dir.resolve("scored.jsonl");
        try (DatasetFile.Writer w = new DatasetFile.Writer(data)) {
            for (long s = 0; s < 60; s++) {
                w.accept(clicked(s, s % 2 == 0));
            }
        }
        model = dir.resolve("orm");
        // episodes of seeds 40+ are the task 'click-link': held out by task
        manifest = new TrainOrmCommand(new PrintStream(new ByteArrayOutputStream(), true)).run(
                new TrainOrmCommand.Options(data, model, 200, 16, 0.02, 1024, 16, 0,
                        new TrainingData.Split(Set.of(), Set.of("click-link")), "cpu"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void agreesWithTheOracleOnAHeldOutTaskAndRecordsPrecisionAndRecall() {
        assertEquals("orm", manifest.kind());
        assertEquals(List.of("click-button"), manifest.trainTasks());
        Map<String, Object> held = (Map<String, Object>) manifest.metrics().get("held_out");
        assertEquals(20, held.get("episodes"));
        assertTrue(((Number) held.get("agreement")).doubleValue() >= 0.9, "agreement: " + held);
        assertTrue(((Number) held.get("precision")).doubleValue() >= 0.9, "precision: " + held);
        assertTrue(((Number) held.get("recall")).doubleValue() >= 0.9, "recall: " + held);
        assertTrue(((Number) manifest.metrics().get("last_loss")).doubleValue()
                < ((Number) manifest.metrics().get("first_loss")).doubleValue());
    }

    private static Trajectory trajectory(String clickedId) {
        Task task = new Task("miniwob", "click-button", "", List.of(), Set.of(), null, Set.of(), 0, Map.of());
        String axtree = "[3] generic \"Click on the \\\"tulip\\\" button.\"\n[5] button \"quartz\"\n[6] button \"tulip\"";
        Step step = new Step(0, "u", "t", axtree, new Action.Click(clickedId), "", "", 0, 0, 0, "");
        return new Trajectory(task, 0, "djl", List.of(step), "", "u", "", "done", "Click on the \"tulip\" button.");
    }

    private static Verdict judge(Trajectory t, Map<String, String> config) {
        return new LearnedOrmJudge().evaluate(t, new EvaluationContext(Config.of(config), Optional.empty(), dir));
    }

    @Test
    void theJudgeReadsTheTrajectoryAndCallsTheQuotedClickASuccess() {
        Map<String, String> config = Map.of("judge.learnedOrm.model", model.toString(), "gauntlet.device", "cpu");
        Verdict right = judge(trajectory("6"), config);
        Verdict wrong = judge(trajectory("5"), config);
        assertEquals(Verdict.Outcome.SUCCESS, right.outcome(), right.explanation());
        assertEquals(Verdict.Outcome.FAILURE, wrong.outcome(), wrong.explanation());
        assertTrue(right.score() > wrong.score());
    }

    @Test
    void withoutAModelTheJudgeIsUnscoredNamingTheKey() {
        Verdict v = judge(trajectory("6"), Map.of());
        assertEquals(Verdict.Outcome.UNSCORED, v.outcome());
        assertEquals("set judge.learnedOrm.model to a model folder written by train-orm", v.explanation());
    }

    @Test
    void theModelArgumentNamesTheFolderWithoutTheKey() throws Exception {
        LearnedOrmJudge j = new LearnedOrmJudge();
        j.configure(Map.of("model", model.toString()));
        Config cpu = Config.of(Map.of("gauntlet.device", "cpu"));
        j.prepare(cpu);
        Verdict v = j.evaluate(trajectory("6"), new EvaluationContext(cpu, Optional.empty(), dir));
        assertEquals(Verdict.Outcome.SUCCESS, v.outcome(), v.explanation());
    }

    @Test
    void aCorruptFolderIsRefusedAtPrepareNamingTheFile() throws Exception {
        Path bad = dir.resolve("corrupt-orm");
        java.nio.file.Files.createDirectories(bad);
        for (String f : List.of(ModelFolder.MANIFEST, ModelFolder.PARAMETERS)) {
            java.nio.file.Files.copy(model.resolve(f), bad.resolve(f));
        }
        java.nio.file.Files.write(bad.resolve(ModelFolder.PARAMETERS), new byte[]{7}, java.nio.file.StandardOpenOption.APPEND);
        LearnedOrmJudge j = new LearnedOrmJudge();
        j.configure(Map.of("model", bad.toString()));
        ConfigException e = assertThrows(ConfigException.class, () -> j.prepare(Config.of(Map.of())));
        assertTrue(e.getMessage().startsWith("judge 'learned-orm': " + bad.resolve(ModelFolder.PARAMETERS)
                + " is corrupt: its SHA-256 is "), e.getMessage());
    }

    @Test
    void aPolicyFolderIsRefusedAtPrepareAsTheWrongKind() throws Exception {
        Path policy = dir.resolve("policy-as-orm");
        java.nio.file.Files.createDirectories(policy);
        java.nio.file.Files.writeString(policy.resolve(ModelFolder.MANIFEST), java.nio.file.Files.readString(
                model.resolve(ModelFolder.MANIFEST)).replace("\"kind\" : \"orm\"", "\"kind\" : \"policy\""));
        LearnedOrmJudge j = new LearnedOrmJudge();
        j.configure(Map.of("model", policy.toString()));
        ConfigException e = assertThrows(ConfigException.class, () -> j.prepare(Config.of(Map.of())));
        assertEquals("judge 'learned-orm': " + policy.resolve(ModelFolder.MANIFEST)
                + " field 'kind' is 'policy' but must be 'orm'", e.getMessage());
    }

    @Test
    void aModelOfAnotherSuiteIsRefusedAtPrepareForARunOfThatSuite() throws Exception {
        LearnedOrmJudge j = new LearnedOrmJudge();
        j.configure(Map.of("model", model.toString()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> j.prepare(Config.of(Map.of("gauntlet.suite", "webshop"))));
        assertEquals("judge 'learned-orm': the model in " + model + " was trained on suite 'miniwob', and this run's"
                + " suite is 'webshop'", e.getMessage());
        j.prepare(Config.of(Map.of("gauntlet.suite", "miniwob"))); // its own suite
        j.prepare(Config.of(Map.of("gauntlet.suite", "miniwob,webshop"))); // several: judged per episode
    }

    @Test
    void withNoModelConfiguredPrepareNamesBothWaysToGiveOne() {
        ConfigException e = assertThrows(ConfigException.class, () -> new LearnedOrmJudge().prepare(Config.of(Map.of())));
        assertEquals("judge 'learned-orm' needs a model folder written by train-orm: -Djudge=learned-orm:model=DIR or"
                + " judge.learnedOrm.model=DIR", e.getMessage());
    }

    @Test
    void anUnknownArgumentIsOneLineNamingTheArguments() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new LearnedOrmJudge().configure(Map.of("modle", "/x")));
        assertEquals("judge 'learned-orm' has no argument 'modle'; arguments: model", e.getMessage());
    }
}
