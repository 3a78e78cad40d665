package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Declared keys read into typed values; a bad value names the key, the value and what is allowed. */
class SettingTests {

    enum Mode { HTML, TEXT_RICH }

    private static <T> T read(Setting<T> s, String value) {
        return s.read(Config.of(value == null ? Map.of() : Map.of(s.key(), value)));
    }

    private static String error(Setting<?> s, String value) {
        return assertThrows(ConfigException.class, () -> read(s, value)).getMessage();
    }

    @Test
    void anUnsetKeyReadsItsDefault() {
        assertEquals(3, read(Setting.integer("k", "3", 1, ""), null));
        assertNull(read(Setting.text("k", "", ""), null));
    }

    @Test
    void aChoiceAcceptsLowerCaseAndDashes() {
        Setting<Mode> s = Setting.choice("m", "html", Mode.class, "");
        assertEquals(Mode.TEXT_RICH, read(s, "text-rich"));
        assertEquals(Mode.TEXT_RICH, read(s, "TEXT_RICH"));
        assertEquals("'m' is 'xml' but must be one of html, text_rich", error(s, "xml"));
    }

    @Test
    void numbersAreCheckedAgainstTheirRange() {
        assertEquals("'w' is 'two' but must be a whole number, 1 or more", error(Setting.integer("w", "1", 1, ""), "two"));
        assertEquals("'w' is '0' but must be 1 or more", error(Setting.integer("w", "1", 1, ""), "0"));
        assertEquals("'f' is '1.5' but must be a number from 0 to 1", error(Setting.decimal("f", "", 0, 1, ""), "1.5"));
        assertEquals(0.25, read(Setting.decimal("f", "", 0, 1, ""), "0.25"));
    }

    @Test
    void booleansTakeTheUsualSpellings() {
        Setting<Boolean> b = Setting.bool("b", "false", "");
        for (String yes : List.of("true", "yes", "on", "1")) {
            assertEquals(true, read(b, yes));
        }
        assertEquals("'b' is 'maybe' but must be true or false", error(b, "maybe"));
    }

    @Test
    void aCheckedSettingAddsItsOwnRule() {
        Setting<String> s = Setting.text("t", "auto", "").checked(v -> v.equals("auto") || v.matches("\\d+") ? null
                : "auto or milliseconds");
        assertEquals("250", read(s, "250"));
        assertEquals("'t' is 'soon' but must be auto or milliseconds", error(s, "soon"));
    }

    @Test
    void validateReturnsOneLinePerBadKey() {
        Config config = Config.of(Map.of("a", "x", "b", "y"));
        assertEquals(List.of("'a' is 'x' but must be a whole number, 0 or more", "'b' is 'y' but must be true or false"),
                Settings.validate(config, List.of(Setting.integer("a", "0", 0, ""), Setting.bool("b", "true", ""),
                        Setting.text("c", "", ""))));
    }
}
