package dev.gauntlet.evaluators.judge;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictParserTests {

    @Test
    void readsOrmWordsWhenNoLogprobsCame() {
        assertTrue(VerdictParser.yesNo("YES").success());
        assertTrue(VerdictParser.yesNo(" yes.").success());
        assertFalse(VerdictParser.yesNo("No, it did not").success());
        assertNull(VerdictParser.yesNo("Yesterday").success());
        assertNull(VerdictParser.yesNo("").success());
    }
}
