package dev.gauntlet.agents.djl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code train} command, training tiny policies for real with DJL PyTorch on the CPU. */
class PolicyTrainingTests {

    @TempDir
    Path dir;

    private ModelManifest train(Path data, Path out, PolicyTrainer.Hyper h, TrainingData.Split split) throws Exception {
        return new TrainCommand(new PrintStream(new ByteArrayOutputStream(), true))
                .run(new TrainCommand.Options(data, out, h, split, "cpu"));
    }

    @Test
    void lossFallsAndTheModelFolderHoldsParametersVocabularyAndAManifest() throws Exception {
        Path data = SyntheticEpisodes.write(dir.resolve("data.jsonl"), 30);
        Path out = dir.resolve("model");
        ModelManifest m = train(data, out, SyntheticEpisodes.tiny(150, 1),
                new TrainingData.Split(Set.of(25L, 26L, 27L, 28L, 29L), Set.of()));

        double first = ((Number) m.metrics().get("first_loss")).doubleValue();
        double last = ((Number) m.metrics().get("last_loss")).doubleValue();
        assertTrue(last < first / 4, "loss falls: " + first + " -> " + last);
        assertTrue(((Number) m.metrics().get("held_out_step_accuracy")).doubleValue() > 0.8,
                "held-out seeds are decided well: " + m.metrics());
        assertEquals(ModelFolder.FORMAT, m.format());
        assertEquals("miniwob", m.suite());
        assertEquals(Dataset.SCHEMA, m.datasetSchema());
        assertEquals(DatasetFile.sha256(data), m.data().get("sha256"));
        assertEquals("seed", m.data().get("split"));
        assertEquals(List.of(25, 26, 27, 28, 29), m.data().get("held_out_seeds"));
        assertEquals(150, m.hyperparameters().get("steps"));
        assertEquals("0.35.1", m.versions().get("djl"));
        assertEquals("2.7.1", m.versions().get("pytorch"));
        assertEquals(25 * 4, m.metrics().get("train_decisions"), "one click and three login steps per seed");
        assertEquals(DatasetFile.sha256(out.resolve(ModelFolder.PARAMETERS)), m.parametersSha256());
        String vocabulary = Files.readString(out.resolve(ModelFolder.VOCABULARY));
        assertTrue(vocabulary.startsWith("feature\tbucket\tcount\n"));
        assertTrue(vocabulary.contains("quote-equal\t"), "the overlap features are listed with their buckets");
    }

    @Test
    void theSameSeedGivesTheSameParametersOnTheCpu() throws Exception {
        Path data = SyntheticEpisodes.write(dir.resolve("data.jsonl"), 10);
        TrainingData.Split none = new TrainingData.Split(Set.of(), Set.of());
        String a = train(data, dir.resolve("a"), SyntheticEpisodes.tiny(40, 7), none).parametersSha256();
        String b = train(data, dir.resolve("b"), SyntheticEpisodes.tiny(40, 7), none).parametersSha256();
        String c = train(data, dir.resolve("c"), SyntheticEpisodes.tiny(40, 8), none).parametersSha256();
        assertEquals(a, b);
        assertFalse(a.equals(c), "another seed, other parameters");
    }

    @Test
    void aSplitByTaskKeepsTheHeldOutTaskOutOfTraining() throws Exception {
        Path data = SyntheticEpisodes.write(dir.resolve("data.jsonl"), 10);
        ModelManifest m = train(data, dir.resolve("m"), SyntheticEpisodes.tiny(30, 0),
                new TrainingData.Split(Set.of(), Set.of("login-user")));
        assertEquals("task", m.data().get("split"));
        assertEquals(List.of("click-button"), m.trainTasks());
        assertEquals(30, m.metrics().get("held_out_decisions"), "ten login episodes of three steps");
        assertNotNull(m.metrics().get("held_out_step_accuracy"));
    }
}
