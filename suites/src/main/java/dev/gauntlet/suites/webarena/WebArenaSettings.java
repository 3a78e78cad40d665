package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Setting;

import java.util.ArrayList;
import java.util.List;

/** The keys of the WebArena and WebArena-Lite suites, declared once with their defaults. */
public final class WebArenaSettings {

    private WebArenaSettings() {}

    /** The sites, each read from {@code webarena.<site>.url} (or {@code GAUNTLET_WEBARENA_<SITE>_URL}). */
    public static final List<String> SITES = List.of("shopping", "shopping_admin", "reddit", "gitlab", "wikipedia",
            "map", "homepage");

    /** The upstream task config; unset = the built-in offline sample. */
    public static final Setting<String> CONFIG = Setting.text("webarena.config", "",
            "upstream task config: the 812-task `test.raw.json`, the 165-task WebArena-Lite file, or a folder of "
                    + "per-task JSON files");
    /** Folder of Playwright storage_state files named as in the config. */
    public static final Setting<String> AUTH_DIR = Setting.text("webarena.auth.dir", "",
            "folder of Playwright storage_state files named as in the config");
    /** Shell command that resets the sites before each agent's episodes. */
    public static final Setting<String> RESET = Setting.text("webarena.reset", "",
            "shell command (bash) that resets the sites before each agent's episodes");
    /** Task dependencies: a JSON file or BrowserGym's metadata CSV. */
    public static final Setting<String> DEPENDS = Setting.text("webarena.depends", "",
            "JSON or BrowserGym's metadata CSV of task dependencies");
    /** Check that every configured site answers before the first episode. */
    public static final Setting<Boolean> HEALTHCHECK = Setting.bool("webarena.healthcheck", "true",
            "check that every configured site answers before the first episode");

    /** A folder of the user's own prompt templates for fuzzy_match and the N/A reason check ({@link FuzzyPrompts}). */
    static final Setting<FuzzyPrompts> PROMPTS = new Setting<>("webarena.prompts", "",
            "folder of prompt templates for the judged string checks: `fuzzy_match.txt`, `fuzzy_match_lite.txt`, "
                    + "`ua_match.txt`, with placeholders {question}, {reference}, {pred}", FuzzyPrompts::load);

    /** The suffix of a site's login name key ({@code webarena.gitlab.username}). */
    public static final String USERNAME_SUFFIX = ".username";
    /** The suffix of a site's password key ({@code webarena.gitlab.password}; a secret: never written). */
    public static final String PASSWORD_SUFFIX = ".password";

    /** Returns the key of a site's base URL ({@code webarena.gitlab.url}). */
    public static String urlKey(String site) {
        return "webarena." + site + ".url";
    }

    /** Returns every declared key of the WebArena suites. */
    static List<Setting<?>> all() {
        List<Setting<?>> out = new ArrayList<>(List.of(CONFIG));
        for (String site : SITES) {
            out.add(Setting.text(urlKey(site), "", "base URL of the " + site + " site"));
        }
        out.addAll(List.of(AUTH_DIR, RESET, DEPENDS, HEALTHCHECK, ActionGrammar.WEBARENA_GRAMMAR, PROMPTS));
        return out;
    }
}
