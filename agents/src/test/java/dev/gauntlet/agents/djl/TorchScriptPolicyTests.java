package dev.gauntlet.agents.djl;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A user's own TorchScript policy (contract {@code gauntlet-torchscript/1}). The fixture folder was written by
 * {@code agents/src/test/python/make_torchscript_fixture.py} with PyTorch 2.13: a tiny policy trained on the
 * exported gold demonstrations of the built-in click-button, click-link, enter-text and login-user tasks (seeds
 * 0–29; 100% step accuracy on seeds 30–39, as its manifest records), and a module of other shapes.
 */
class TorchScriptPolicyTests {

    static final Config CPU = Config.of(Map.of("gauntlet.device", "cpu"));

    @TempDir
    Path dir;

    static Path fixture() throws URISyntaxException {
        return Path.of(TorchScriptPolicyTests.class.getResource("torchscript-policy/model.pt").toURI()).getParent();
    }

    private static DjlAgent agent(Path model) throws Exception {
        DjlAgent a = new DjlAgent();
        a.configure(Map.of("model", model.toString()));
        a.prepare(CPU);
        return a;
    }

    private static Observation page(String instruction, List<Element> elements) {
        return new Observation("http://localhost/t.html", "t", List.of(), 0, instruction, "", "", elements, "", Map.of(),
                null);
    }

    private static Element el(String id, String role, String text) {
        return new Element(id, role, text, role.equals("textbox") ? "input" : role, "", true, false, Map.of(), null);
    }

    @Test
    void djlRunsTheFileAsPyTorchDidOnTheTokensTheTokenizerGives() throws Exception {
        TorchScriptPolicy p = TorchScriptFolder.load(fixture(), Devices.pick("cpu"));
        Decision d = Decision.ask("Click on the \"tulip\" button.", List.of(SyntheticEpisodes.button("1", "quartz"),
                SyntheticEpisodes.button("2", "sable"), SyntheticEpisodes.button("3", "tulip"),
                SyntheticEpisodes.button("4", "umber")), List.of());
        float[][] out = p.outputs(List.of(d)).get(0);
        // printed by make_torchscript_fixture.py ("example scores", "example operation logits") under PyTorch 2.13
        assertArrayEquals(new float[]{-1.73319f, -0.64043f, 6.54151f, -5.49804f}, out[0], 1e-4f);
        assertArrayEquals(new float[]{6.4401f, -1.46433f, -7.43524f, -6.9251f}, out[1], 1e-4f);
    }

    @Test
    void clicksTheButtonTheInstructionQuotes() throws Exception {
        DjlAgent a = agent(fixture());
        List<Element> buttons = List.of(el("3", "generic", "Click on the \"gale\" button."), el("5", "button", "hazel"),
                el("6", "button", "ember"), el("7", "button", "gale"), el("8", "button", "yonder"));
        assertEquals(new Action.Click("7"), a.act(page("Click on the \"gale\" button.", buttons), List.of()));
    }

    @Test
    void fillsTheQuotedValuesInTheOrderTheInstructionGivesThemThenLogsIn() throws Exception {
        DjlAgent a = agent(fixture());
        String instruction = "Log in with username \"kira77\" and password \"velvet512\".";
        List<Element> form = List.of(el("3", "generic", instruction), el("67", "LabelText", "Username"),
                el("68", "textbox", "Username"), el("69", "LabelText", "Password"), el("70", "textbox", "Password"),
                el("71", "button", "Login"));
        Observation o = page(instruction, form);
        assertEquals(new Action.Fill("68", "kira77"), a.act(o, List.of()));
        assertEquals(new Action.Fill("70", "velvet512"), a.act(o, List.of()));
        assertEquals(new Action.Click("71"), a.act(o, List.of()));
    }

    @Test
    void aBatchOfStepsWithDifferentElementCountsGetsTheAnswersEachGetsAlone() throws Exception {
        TorchScriptPolicy p = TorchScriptFolder.load(fixture(), Devices.pick("cpu"));
        List<Decision> ds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Dataset.Episode e = i % 2 == 0 ? SyntheticEpisodes.clickButton(100 + i, SyntheticEpisodes.WORDS)
                    : SyntheticEpisodes.login(100 + i);
            List<Dataset.ElementRecord> els = e.steps().get(0).elements();
            ds.add(Decision.ask(e.instruction(), els.subList(0, Math.max(1, els.size() - i % 3)), List.of()));
        }
        List<Decision.Choice> batched = p.decide(ds);
        for (int i = 0; i < ds.size(); i++) {
            Decision.Choice alone = p.decide(List.of(ds.get(i))).get(0);
            assertEquals(alone.element(), batched.get(i).element());
            assertEquals(alone.operation(), batched.get(i).operation());
            assertEquals(alone.score(), batched.get(i).score(), 1e-4);
        }
    }

    @Test
    void aModuleOfOtherShapesIsRefusedBeforeAnyEpisodeNamingTheFileAndBothShapes() throws Exception {
        Path bad = copy("wrong-shape");
        Files.copy(fixture().resolve("wrong-shape.pt"), bad.resolve("model.pt"));
        ConfigException e = assertThrows(ConfigException.class, () -> agent(bad));
        assertEquals("agent 'djl': " + bad.resolve("model.pt") + " does not follow gauntlet-torchscript/1: on query"
                + " int64 [2, 64] and elements int64 [2, 3, 12] it must return element scores [2, 3] and operation"
                + " logits [2, 4] but returned [2, 3] and [2, 3]", e.getMessage());
    }

    @Test
    void aManifestOfAnotherContractIsRefusedNamingTheField() throws Exception {
        Path other = copy("other-contract");
        Files.copy(fixture().resolve("model.pt"), other.resolve("model.pt"));
        Path manifest = other.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("gauntlet-torchscript/1", "gauntlet-torchscript/0"));
        ConfigException e = assertThrows(ConfigException.class, () -> agent(other));
        assertEquals("agent 'djl': " + manifest + " field 'contract' is 'gauntlet-torchscript/0' but must be"
                + " 'gauntlet-torchscript/1'", e.getMessage());
    }

    @Test
    void aCorruptTokenizerFileIsRefusedNamingIt() throws Exception {
        Path other = copy("bad-tokenizer");
        Files.copy(fixture().resolve("model.pt"), other.resolve("model.pt"));
        Files.writeString(other.resolve("tokenizer.json"), "{\"version\": \"1.0\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> agent(other));
        String prefix = "agent 'djl': " + other.resolve("tokenizer.json") + " cannot be read as a Hugging Face tokenizer: ";
        assertEquals(prefix, e.getMessage().substring(0, Math.min(prefix.length(), e.getMessage().length())),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aFileThatIsNoTorchScriptIsRefusedNamingIt() throws Exception {
        Path other = copy("not-torchscript");
        Files.writeString(other.resolve("model.pt"), "not a zip");
        ConfigException e = assertThrows(ConfigException.class, () -> agent(other));
        String prefix = "agent 'djl': " + other.resolve("model.pt") + " cannot be loaded as TorchScript: ";
        assertEquals(prefix, e.getMessage().substring(0, Math.min(prefix.length(), e.getMessage().length())),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** A folder with the fixture's manifest and tokenizer, and no model.pt yet. */
    private Path copy(String name) throws Exception {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        for (String f : List.of("manifest.json", "tokenizer.json")) {
            Files.copy(fixture().resolve(f), to.resolve(f));
        }
        return to;
    }
}
