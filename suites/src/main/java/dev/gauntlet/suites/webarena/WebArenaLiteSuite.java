package dev.gauntlet.suites.webarena;

/**
 * WebArena-Lite (165 tasks of WebArena, 46 with revised checks): the same protocol and sites, scored with
 * WebArena-Lite's evaluator semantics (must_exclude, one_of, required_values, fuzzy_match in program_html, exact URL
 * matching by default). Without {@code -Dwebarena.config} it runs its own built-in offline sample.
 */
public final class WebArenaLiteSuite extends WebArenaSuite {

    public WebArenaLiteSuite() {
        super("webarena-lite", "lite", "sample/lite-tasks.json");
    }
}
