package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's configuration table mirrors {@link Constants}: every key is documented there. */
class ReadmeConfigTests {

    @Test
    void everyConfigurationKeyIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = new ArrayList<>();
        for (Field f : Constants.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class || f.getName().endsWith("_DEFAULT")
                    || f.getName().endsWith("_OFF")) {
                continue;
            }
            String key = (String) f.get(null);
            if (key.startsWith(".")) {
                key = "webarena.<site>" + key; // a per-site suffix, documented with its pattern
            }
            if (!readme.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "keys in Constants but not in README.md's table");
    }
}
