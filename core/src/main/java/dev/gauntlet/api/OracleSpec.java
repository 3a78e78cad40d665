package dev.gauntlet.api;

import java.util.Map;

/**
 * The benchmark's own check for a task, as data: {@code type} picks the {@link Evaluator}, {@code data} is its input
 * (WebArena's {@code eval} block, a WebShop goal, a MiniWoB reward rule).
 */
public record OracleSpec(String type, Map<String, Object> data) {

    /** No oracle: only judges can score the task. */
    public static final OracleSpec NONE = new OracleSpec("none", Map.of());

    public OracleSpec {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static OracleSpec of(String type) {
        return new OracleSpec(type, Map.of());
    }
}
