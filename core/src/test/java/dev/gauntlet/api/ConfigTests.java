package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTests {

    @Test
    void environmentNamesFoldCaseAndCamelCase() {
        assertEquals("GAUNTLET_MAX_STEPS", Config.envName("gauntlet.maxSteps"));
        assertEquals("GAUNTLET_MINIWOB_DIR", Config.envName("miniwob.dir"));
        assertEquals("GAUNTLET_LLM_BASE_URL", Config.envName("llm.base_url"));
    }

    @Test
    void shortSystemPropertyWinsOverLongOneAndJUnitParameters() {
        String before = System.getProperty("workers");
        try {
            System.setProperty("workers", "4");
            Config c = Config.from(k -> k.equals(Constants.WORKERS) ? Optional.of("2") : Optional.empty());
            assertEquals(4, c.getInt(Constants.WORKERS, Constants.WORKERS_DEFAULT));
        } finally {
            if (before == null) {
                System.clearProperty("workers");
            } else {
                System.setProperty("workers", before);
            }
        }
    }

    @Test
    void blankMeansUnsetAndBadNumbersNameTheKey() {
        Config c = Config.of(Map.of(Constants.SEEDS, "  ", Constants.WORKERS, "two"));
        assertEquals("3", c.get(Constants.SEEDS, Constants.SEEDS_DEFAULT));
        ConfigException e = assertThrows(ConfigException.class, () -> c.getInt(Constants.WORKERS, "1"));
        assertEquals("'gauntlet.workers' is 'two' but must be a whole number", e.getMessage());
    }

    @Test
    void secretsAreRedactedButNamesOfKeyVariablesAreNot() {
        assertTrue(Config.isSecret("llm.api_key"));
        assertTrue(Config.isSecret("webarena.gitlab.password"));
        assertFalse(Config.isSecret("llm.api_key_env"));
    }
}
