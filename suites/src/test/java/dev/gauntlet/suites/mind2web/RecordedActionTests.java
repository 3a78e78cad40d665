package dev.gauntlet.suites.mind2web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.Action;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the recorder reads a run's actions and which Mind2Web operation each one is (the dataset's op and original_op). */
class RecordedActionTests {

    private static Action read(String json) throws IOException {
        return RecordedAction.read(new ObjectMapper().readTree(json), Path.of("t.jsonl"));
    }

    @Test
    void readsTheTrajectorysTypedActionsBack() throws IOException {
        assertEquals(new Action.Click("12"), read("{\"kind\":\"Click\",\"target\":\"12\"}"));
        assertEquals(new Action.Fill("css=#q", "tents"), read("{\"kind\":\"Fill\",\"target\":\"css=#q\",\"text\":\"tents\"}"));
        assertEquals(new Action.Select("4", List.of("Large")), read("{\"kind\":\"Select\",\"target\":\"4\",\"options\":[\"Large\"]}"));
        IOException e = assertThrows(IOException.class, () -> read("{\"kind\":\"Teleport\"}"));
        assertEquals(true, e.getMessage().startsWith("t.jsonl: action"), e.getMessage());
    }

    @Test
    void hoverAndEnterAreClicksWithTheirOriginalOpAsInTheDataset() {
        assertEquals(Optional.of(new Operation(Op.CLICK, "HOVER", "")), RecordedAction.operation(new Action.Hover("1")));
        assertEquals(Optional.of(new Operation(Op.CLICK, "ENTER", "")),
                RecordedAction.operation(new Action.Press("1", "Enter")));
        assertEquals(Optional.empty(), RecordedAction.operation(new Action.Press("1", "Tab")), "not a Mind2Web operation");
        assertEquals(Optional.of(new Operation(Op.TYPE, "TYPE", "Ann")), RecordedAction.operation(new Action.Fill("1", "Ann")));
        assertEquals(Optional.of(new Operation(Op.SELECT, "SELECT", "Large")),
                RecordedAction.operation(new Action.Select("1", List.of("Large", "Small"))));
        assertEquals(Optional.empty(), RecordedAction.operation(new Action.Goto("http://x/")), "played, not recorded");
        assertEquals(null, RecordedAction.target(new Action.Goto("http://x/")));
    }
}
