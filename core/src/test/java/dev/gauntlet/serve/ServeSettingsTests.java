package dev.gauntlet.serve;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Setting;
import dev.gauntlet.api.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gauntlet serve}'s keys: documented in the README's table, valid by default, checked before it binds. */
class ServeSettingsTests {

    @Test
    void everyServeKeyIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = new ArrayList<>();
        for (Setting<?> s : ServeSettings.ALL) {
            if (!readme.contains("`" + s.key() + "`")) {
                missing.add(s.key());
            }
        }
        assertEquals(List.of(), missing, "keys in ServeSettings.ALL but not in README.md's table");
    }

    @Test
    void theDefaultsAreValid() {
        assertEquals(List.of(), Settings.validate(Config.of(Map.of()), ServeSettings.ALL));
    }

    @Test
    void aBadValueFailsTheStartNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> EnvServer.start(Config.of(Map.of(
                "gauntlet.serve.idleSeconds", "soon"))));
        assertTrue(e.getMessage().contains("gauntlet.serve.idleSeconds") && e.getMessage().contains("soon"),
                e.getMessage());
    }
}
