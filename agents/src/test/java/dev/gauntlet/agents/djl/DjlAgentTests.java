package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code djl} agent on a tiny policy trained for real, and its refusals of bad model folders. */
class DjlAgentTests {

    @TempDir
    static Path dir;
    static Path model;
    static final Config CPU = Config.of(Map.of("gauntlet.device", "cpu"));

    @BeforeAll
    static void trainTinyPolicy() throws Exception {
        // trained on the first 20 words only: the test's buttons carry words it never saw
        Path data = dir.resolve("data.jsonl");
        try (DatasetFile.Writer w = new DatasetFile.Writer(data)) {
            for (long s = 0; s < 40; s++) {
                w.accept(SyntheticEpisodes.clickButton(s, SyntheticEpisodes.WORDS.subList(0, 20)));
                w.accept(SyntheticEpisodes.login(s));
            }
        }
        model = dir.resolve("model");
        new TrainCommand(new PrintStream(new ByteArrayOutputStream(), true)).run(new TrainCommand.Options(data, model,
                SyntheticEpisodes.tiny(200, 3), new TrainingData.Split(Set.of(), Set.of()), "cpu"));
    }

    private static Observation page(String instruction, List<Element> elements) {
        return new Observation("http://localhost/t.html", "t", List.of(), 0, instruction, "", "", elements, "", Map.of(),
                null);
    }

    private static Element button(String id, String text) {
        return new Element(id, "button", text, "button", "", true, false, Map.of(), null);
    }

    private static Element field(String id, String label) {
        return new Element(id, "textbox", label, "input", "", true, false, Map.of("type", "text"), null);
    }

    private static DjlAgent agent(String args) throws Exception {
        DjlAgent a = new DjlAgent();
        a.configure(args.isEmpty() ? Map.of() : Map.of("model", args));
        a.prepare(CPU);
        return a;
    }

    @Test
    void clicksTheButtonTheInstructionQuotesAlsoForWordsItNeverSaw() throws Exception {
        DjlAgent a = agent(model.toString());
        List<Element> buttons = List.of(button("41", "quartz"), button("42", "sable"), button("43", "tulip"),
                button("44", "umber"));
        assertEquals(new Action.Click("43"), a.act(page("Click on the \"tulip\" button.", buttons), List.of()));
    }

    @Test
    void fillsEachFieldWithItsQuotedValueThenSubmits() throws Exception {
        DjlAgent a = agent(model.toString());
        List<Element> form = List.of(field("7", "Username"), field("8", "Password"), button("9", "Login"));
        Observation o = page("Log in with username \"kira77\" and password \"velvet512\".", form);
        assertEquals(new Action.Fill("7", "kira77"), a.act(o, List.of()));
        assertEquals(new Action.Fill("8", "velvet512"), a.act(o, List.of()));
        assertEquals(new Action.Click("9"), a.act(o, List.of()));
    }

    @Test
    void concurrentRequestsShareForwardPassesAndGetTheAnswersTheyWouldGetAlone() throws Exception {
        PolicyModel m = ModelFolder.load(model, "miniwob", Devices.engine().newBaseManager(Devices.pick("cpu")));
        Policy policy = new Policy(m);
        List<Decision> ds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Dataset.Episode e = SyntheticEpisodes.clickButton(100 + i, SyntheticEpisodes.WORDS);
            ds.add(Decision.ask(e.instruction(), e.steps().get(0).elements(), List.of()));
        }
        List<Decision.Choice> alone = new ArrayList<>();
        for (Decision d : ds) {
            alone.add(policy.decide(List.of(d)).get(0));
        }
        // a long wait makes the batches fill up from the four threads
        try (BatchingPredictor shared = new BatchingPredictor(policy, 4, 200)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Decision.Choice>> answers = new ArrayList<>();
            for (Decision d : ds) {
                answers.add(pool.submit(() -> shared.decide(d)));
            }
            for (int i = 0; i < ds.size(); i++) {
                Decision.Choice got = answers.get(i).get();
                assertEquals(alone.get(i).element(), got.element());
                assertEquals(alone.get(i).operation(), got.operation());
            }
            pool.shutdown();
            long[] counts = shared.counts();
            assertEquals(16, counts[0]);
            assertTrue(counts[1] < 16, "fewer forward passes than decisions: " + counts[1]);
        }
    }

    @Test
    void aLoneWorkerIsAnsweredWithoutWaitingForCompanyThatCannotCome() throws Exception {
        PolicyModel m = ModelFolder.load(model, "miniwob", Devices.engine().newBaseManager(Devices.pick("cpu")));
        Dataset.Episode e = SyntheticEpisodes.clickButton(7, SyntheticEpisodes.WORDS);
        Decision d = Decision.ask(e.instruction(), e.steps().get(0).elements(), List.of());
        // a wait of ten minutes for a batch of 8: one asking thread makes every batch full at one request
        try (BatchingPredictor shared = new BatchingPredictor(new Policy(m), 8, 600_000)) {
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
                for (int i = 0; i < 3; i++) {
                    shared.decide(d);
                }
            });
            assertArrayEquals(new long[]{3, 3}, shared.counts(), "three decisions, three passes of one");
        }
    }

    @Test
    void anUnknownArgumentIsOneLineNamingTheArguments() {
        ConfigException e = assertThrows(ConfigException.class, () -> new DjlAgent().configure(Map.of("modle", "x")));
        assertEquals("agent 'djl' has no argument 'modle'; arguments: model, maxBatch, maxWaitMs", e.getMessage());
    }

    @Test
    void aMissingFolderIsRefusedBeforeAnyEpisode() {
        Path missing = dir.resolve("nope");
        ConfigException e = assertThrows(ConfigException.class, () -> agent(missing.toString()));
        assertEquals("agent 'djl': model folder " + missing + " does not exist", e.getMessage());
    }

    @Test
    void aModelOfAnotherSuiteIsRefusedNamingTheManifestAndTheSuiteExpected() throws Exception {
        Path other = copy("other-suite");
        Path manifest = other.resolve(ModelFolder.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"suite\" : \"miniwob\"", "\"suite\" : \"webshop\""));
        ConfigException e = assertThrows(ConfigException.class, () -> agent(other.toString()));
        assertEquals("agent 'djl': " + manifest + " field 'suite' is 'webshop' but must be 'miniwob'", e.getMessage());
    }

    @Test
    void aModelOfAnotherDatasetSchemaIsRefused() throws Exception {
        Path other = copy("other-schema");
        Path manifest = other.resolve(ModelFolder.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace(Dataset.SCHEMA, "gauntlet-dataset/0"));
        ConfigException e = assertThrows(ConfigException.class, () -> agent(other.toString()));
        assertEquals("agent 'djl': " + manifest + " field 'dataset_schema' is 'gauntlet-dataset/0' but must be '"
                + Dataset.SCHEMA + "'", e.getMessage());
    }

    @Test
    void corruptParametersAreRefusedByTheirDigest() throws Exception {
        Path bad = copy("corrupt");
        Path params = bad.resolve(ModelFolder.PARAMETERS);
        Files.write(params, new byte[]{1, 2, 3}, StandardOpenOption.APPEND);
        ConfigException e = assertThrows(ConfigException.class, () -> agent(bad.toString()));
        assertTrue(e.getMessage().startsWith("agent 'djl': " + params + " is corrupt: its SHA-256 is "), e.getMessage());
    }

    @Test
    void aRunOfAnotherSuiteRefusesTheModelBeforeAnyEpisode() throws Exception {
        DjlAgent a = new DjlAgent();
        a.configure(Map.of("model", model.toString()));
        Path manifest = model.resolve(ModelFolder.MANIFEST);
        ConfigException e = assertThrows(ConfigException.class,
                () -> a.prepare(Config.of(Map.of("gauntlet.device", "cpu", "gauntlet.suite", "mind2web"))));
        assertEquals("agent 'djl': " + manifest + " field 'suite' is 'miniwob' but must be 'mind2web'", e.getMessage());
    }

    @Test
    void aRunOfSeveralSuitesLoadsTheModelButRefusesTheOtherSuitesEpisodes() throws Exception {
        Config both = Config.of(Map.of("gauntlet.device", "cpu", "gauntlet.suite", "miniwob,mind2web"));
        DjlAgent a = new DjlAgent();
        a.configure(Map.of("model", model.toString()));
        a.prepare(both);
        Task other = new Task("mind2web", "t1", "Buy a tent.", List.of(), Set.of(), null, Set.of(), 3, Map.of());
        ConfigException e = assertThrows(ConfigException.class,
                () -> a.begin(new EpisodeStart(other, 0, 3, List::of, both)));
        assertEquals("agent 'djl': the model was trained for suite 'miniwob' and does not play suite 'mind2web'"
                + " (task t1)", e.getMessage());
        Task own = new Task("miniwob", "click-button", "", List.of(), Set.of(), null, Set.of(), 3, Map.of());
        a.begin(new EpisodeStart(own, 0, 3, List::of, both));
    }

    @Test
    void withoutAModelARunOfAnotherSuiteIsToldToTrainOneInsteadOfTrainingMiniWobs() {
        DjlAgent a = new DjlAgent();
        a.configure(Map.of());
        ConfigException e = assertThrows(ConfigException.class,
                () -> a.prepare(Config.of(Map.of("gauntlet.device", "cpu", "gauntlet.suite", "webshop"))));
        assertEquals("agent 'djl': the default model plays MiniWoB only, and this run's suite is 'webshop': train a"
                + " policy on its episodes and give it as model=PATH (README, \"In-process models\")", e.getMessage());
    }

    private static Path copy(String name) throws Exception {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        for (String f : List.of(ModelFolder.MANIFEST, ModelFolder.PARAMETERS, ModelFolder.VOCABULARY)) {
            Files.copy(model.resolve(f), to.resolve(f));
        }
        return to;
    }
}
