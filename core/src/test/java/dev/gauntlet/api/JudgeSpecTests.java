package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code gauntlet.judge}: judge names, each with arguments in the agents' {@code name:key=value,...} syntax. */
class JudgeSpecTests {

    @Test
    void plainNamesAreOneJudgeEach() {
        assertEquals(List.of("webvoyager", "orm"), JudgeSpec.split(" webvoyager , orm ,"));
        assertEquals(List.of("webvoyager", "orm"), JudgeSpec.names("webvoyager,orm"));
    }

    @Test
    void aJudgeTakesArgumentsAsAnAgentDoes() {
        JudgeSpec s = JudgeSpec.parse("learned-orm:model=/m/orm");
        assertEquals("learned-orm", s.name());
        assertEquals(Map.of("model", "/m/orm"), s.args());
    }

    @Test
    void aKeyValuePartAfterACommaIsOneMoreArgumentOfTheJudgeBeforeIt() {
        List<String> specs = JudgeSpec.split("mine:a=1,b=2,webvoyager,learned-orm:model=/x");
        assertEquals(List.of("mine:a=1,b=2", "webvoyager", "learned-orm:model=/x"), specs);
        assertEquals(Map.of("a", "1", "b", "2"), JudgeSpec.parse(specs.get(0)).args());
        assertEquals(List.of("mine", "webvoyager", "learned-orm"), JudgeSpec.names("mine:a=1,b=2,webvoyager,learned-orm:model=/x"));
    }

    @Test
    void anArgumentWithNoJudgeBeforeItIsOneLineNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> JudgeSpec.split("model=/x,orm"));
        assertEquals("'gauntlet.judge' is 'model=/x,orm' but must be judge names, each optionally followed by"
                + " :key=value,... ('model=/x' has no judge before it)", e.getMessage());
    }

    @Test
    void anArgumentWithoutEqualsSignIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> JudgeSpec.parse("learned-orm:model"));
        assertEquals("judge 'learned-orm:model': argument 'model' must look like key=value", e.getMessage());
    }
}
