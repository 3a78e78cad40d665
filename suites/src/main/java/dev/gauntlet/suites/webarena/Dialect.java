package dev.gauntlet.suites.webarena;

/** Which harness's semantics a task is scored with: WebArena's original one, or WebArena-Lite's (VisualAgentBench). */
public enum Dialect {
    WEBARENA, LITE;

    public static Dialect of(String name) {
        return "lite".equalsIgnoreCase(name) || "webarena-lite".equalsIgnoreCase(name) ? LITE : WEBARENA;
    }
}
