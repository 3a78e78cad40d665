package dev.gauntlet.agents.llm;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.Lazy;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;
import dev.gauntlet.api.Usage;
import dev.gauntlet.llm.ChatClient;
import dev.gauntlet.llm.StandInServer;
import dev.gauntlet.llm.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmAgentTests {

    StandInServer server;

    @BeforeEach
    void start() throws IOException {
        server = StandInServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmAgent agent(Map<String, String> args) {
        LlmAgent agent = new LlmAgent();
        agent.configure(args);
        agent.useClient(ChatClient.create(new ChatClient.Options().setBaseUrl(server.baseUrl()).setModel("agent-7b")
                .setMaxRetries(0)), "miniwob");
        return agent;
    }

    private static Observation page(byte[] screenshot) {
        Element button = new Element("12", "button", "Submit", "button", "", true, false, Map.of(),
                new Element.Box(10, 10, 60, 20));
        Element text = new Element("7", "textbox", "Name", "input", "", true, false, Map.of(),
                new Element.Box(10, 40, 100, 20));
        return new Observation("http://site/form", "Form", List.of("http://site/form"), 0, "Enter Ann and submit.",
                "<input bid=\"7\"><button bid=\"12\">Submit</button>", "[7] textbox \"Name\"\n[12] button \"Submit\"",
                List.of(button, text), "", Map.of(), Lazy.value(screenshot));
    }

    @Test
    void promptsWithThePageAndParsesTheActionLine() throws Exception {
        server.script(Reply.text("Thought: the name goes in [7].\nAction: fill('7', 'Ann')"),
                Reply.text("Thought: now submit.\nAction: click('12')"));
        LlmAgent agent = agent(Map.of());
        Action first = agent.act(page(null), List.of());
        assertEquals(new Action.Fill("7", "Ann"), first);
        assertEquals("Thought: the name goes in [7].", agent.reasoning(), "the reply without its action line");
        Step done = new Step(0, "http://site/form", "Form", "", first, "", "", 0, 0, 0, "");
        assertEquals(new Action.Click("12"), agent.act(page(null), List.of(done)));
        assertEquals("Thought: now submit.", agent.reasoning());

        String prompt = server.received().get(1).allText();
        assertTrue(prompt.contains("Goal: Enter Ann and submit."), prompt);
        assertTrue(prompt.contains("[12] button \"Submit\""), prompt);
        assertTrue(prompt.contains("1. fill('7', 'Ann')"), prompt);
        assertTrue(prompt.contains("send_msg_to_user"), "the grammar is in the system prompt");
        assertEquals(new Usage(200, 10, 0), agent.usage());
    }

    @Test
    void reAsksAfterUnparsableOutputAndRecordsInvalidWhenItNeverParses() throws Exception {
        server.script(Reply.text("I would press the button."), Reply.text("Action: click('12')"));
        LlmAgent agent = agent(Map.of("retries", "1"));
        assertEquals(new Action.Click("12"), agent.act(page(null), List.of()));
        assertEquals(2, server.requests());
        String retry = server.received().get(1).allText();
        assertTrue(retry.contains("could not be used: no action call found"), retry);
        assertTrue(retry.contains("I would press the button."), "the bad reply is shown back");

        server.script(Reply.text("hmm"), Reply.text("still no"));
        Action invalid = agent.act(page(null), List.of());
        Action.Invalid inv = assertInstanceOf(Action.Invalid.class, invalid);
        assertTrue(inv.reason().contains("(2 attempts)"), inv.reason());
        assertEquals(List.of("I would press the button.", "hmm", "still no"), agent.invalidReplies());
    }

    @Test
    void sendsASetOfMarksScreenshotWhenAsked() throws Exception {
        BufferedImage white = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        white.getGraphics().fillRect(0, 0, 200, 100);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(white, "png", png);
        server.script(Reply.text("Action: send_msg_to_user('done')"));

        Action a = agent(Map.of("screenshot", "true", "obs", "html", "viewport_width", "200"))
                .act(page(png.toByteArray()), List.of());
        assertEquals(new Action.Answer("done"), a);
        StandInServer.Received got = server.received().get(0);
        assertEquals(1, got.imageUrls().size());
        assertTrue(got.allText().contains("<button bid=\"12\">"), "obs=html sends the pruned HTML");
        byte[] sent = java.util.Base64.getDecoder().decode(got.imageUrls().get(0).substring("data:image/png;base64,".length()));
        BufferedImage marked = ImageIO.read(new ByteArrayInputStream(sent));
        assertEquals(200, marked.getWidth());
        assertNotEquals(white.getRGB(10, 15), marked.getRGB(10, 15), "the button's box is drawn");
        assertEquals(white.getRGB(150, 90), marked.getRGB(150, 90), "away from elements the image is unchanged");
    }

    @Test
    void speaksWebArenasGrammarWhenAskedAndReadsTheFencedAction() throws Exception {
        server.script(Reply.text("Let's think step-by-step. The name field is [7]. In summary, the next action I will "
                        + "perform is ```type [7] [Ann] [0]```"),
                Reply.text("The form is filled.\nAction: ```stop [done]```"));
        LlmAgent agent = agent(Map.of("grammar", "webarena"));
        Action first = agent.act(page(null), List.of());
        assertEquals(new Action.TypeAtCaret("7", "Ann", false), first);
        assertEquals(new Action.Answer("done"), agent.act(page(null), List.of()));
        String system = server.received().get(0).allText();
        assertTrue(system.contains("type [7] [text] [1]") && system.contains("stop [answer]"), system);
        assertTrue(system.contains("Action: ```click [12]```"), "the example reply is in the chosen grammar: " + system);
    }

    @Test
    void speaksWebShopsGrammarWhenAsked() throws Exception {
        server.script(Reply.text("The page has a search box.\nAction: search[red socks]"));
        LlmAgent agent = agent(Map.of("grammar", "webshop"));
        assertEquals(new Action.Native("webshop", "search[red socks]"), agent.act(page(null), List.of()));
        String system = server.received().get(0).allText();
        assertTrue(system.contains("click[buy now]"), system);
        assertTrue(system.contains("Action: search[red cotton socks]"), "the example is in the chosen grammar: " + system);
    }

    @Test
    void anUnknownGrammarIsNamedWithTheAvailableOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new LlmAgent().configure(Map.of("grammar", "klingon")));
        assertEquals("agent 'llm': unknown action grammar 'klingon'; available: [browsergym, webarena, webarena-lenient, webshop]",
                e.getMessage());
    }

    @Test
    void rejectsUnknownArgumentsAndGrammars() {
        assertThrows(ConfigException.class, () -> new LlmAgent().configure(Map.of("colour", "red")));
        assertThrows(ConfigException.class, () -> new LlmAgent().configure(Map.of("grammar", "klingon")));
        assertThrows(ConfigException.class, () -> new LlmAgent().configure(Map.of("obs", "pixels")));
        new LlmAgent().configure(Map.of("model", "m", "base_url", "http://x/v1", "temperature", "0.2", "history", "3"));
    }
}
