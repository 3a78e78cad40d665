package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's configuration table lists every key core declares ({@link Settings#ALL}). */
class ReadmeConfigTests {

    @Test
    void everyCoreKeyIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            if (!readme.contains("`" + s.key() + "`")) {
                missing.add(s.key());
            }
        }
        assertEquals(List.of(), missing, "keys in Settings.ALL but not in README.md's table");
    }

    @Test
    void everyKeyNameInConstantsIsDeclaredInSettings() throws Exception {
        List<String> declared = Settings.ALL.stream().map(Setting::key).toList();
        List<String> undeclared = new ArrayList<>();
        for (java.lang.reflect.Field f : Constants.class.getFields()) {
            if (f.getType() == String.class && !f.getName().endsWith("_DEFAULT") && !f.getName().endsWith("_OFF")) {
                String key = (String) f.get(null);
                if (!declared.contains(key)) {
                    undeclared.add(key);
                }
            }
        }
        assertEquals(List.of(), undeclared, "keys named in Constants without a declaration in Settings");
    }
}
