package dev.gauntlet.suites;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Settings;
import dev.gauntlet.suite.Suite;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every key a suite declares is documented in the README, has a default its own parser accepts, and is declared once. */
class SuiteSettingsTests {

    private static List<Suite> suites() {
        List<Suite> out = new ArrayList<>();
        // the suites this module ships (core's test classes register fixture suites when the reactor puts them here)
        ServiceLoader.load(Suite.class).stream().filter(p -> p.type().getName().startsWith("dev.gauntlet.suites."))
                .forEach(p -> out.add(p.get()));
        return out;
    }

    @Test
    void everySuiteKeyIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = new ArrayList<>();
        for (Suite suite : suites()) {
            for (Setting<?> s : suite.settings()) {
                if (!readme.contains("`" + s.key() + "`")) {
                    missing.add(suite.name() + ": " + s.key());
                }
            }
        }
        assertFalse(suites().isEmpty());
        assertEquals(List.of(), missing, "keys a suite declares but README.md's table does not list");
    }

    @Test
    void everyDeclaredDefaultIsValid() {
        for (Suite suite : suites()) {
            assertEquals(List.of(), Settings.validate(Config.of(java.util.Map.of()), suite.settings()), suite.name());
        }
        assertEquals(List.of(), Settings.validate(Config.of(java.util.Map.of()), Settings.ALL), "core");
    }

    @Test
    void noSuiteDeclaresACoreKey() {
        Set<String> core = new HashSet<>();
        Settings.ALL.forEach(s -> core.add(s.key()));
        for (Suite suite : suites()) {
            for (Setting<?> s : suite.settings()) {
                assertFalse(core.contains(s.key()), suite.name() + " redeclares " + s.key());
            }
        }
    }
}
