package dev.gauntlet.evaluators.webarena;

/** Which harness's semantics a task is scored with: WebArena's original one, or WebArena-Lite's (VisualAgentBench). */
enum Dialect {
    WEBARENA, LITE;

    static Dialect of(String name) {
        return "lite".equalsIgnoreCase(name) || "webarena-lite".equalsIgnoreCase(name) ? LITE : WEBARENA;
    }
}
