package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One task of the upstream config format, every field typed (placeholders such as {@code __SHOPPING__} not yet
 * resolved).
 *
 * @param taskId           {@code task_id}
 * @param sites            {@code sites}
 * @param requireLogin     {@code require_login}
 * @param storageState     {@code storage_state} ({@code ./.auth/shopping_state.json}), or null
 * @param startUrl         {@code start_url}; several tabs joined by {@code " |AND| "}
 * @param geolocation      {@code geolocation} ({@code {latitude, longitude}}), or null
 * @param intentTemplate   {@code intent_template}
 * @param instantiation    {@code instantiation_dict} (values are strings or numbers)
 * @param intent           {@code intent}, the instruction
 * @param intentTemplateId {@code intent_template_id}, or null
 * @param requireReset     {@code require_reset}
 * @param eval             {@code eval}
 * @param oldTaskId        WebArena-Lite's {@code old_task_id} (the task's id among the 812), or null
 * @param gold             our own {@code gauntlet_gold}: the sample's demonstration, in the WebArena grammar
 * @param file             the file it was read from
 */
public record WebArenaTaskSpec(int taskId, List<String> sites, boolean requireLogin, String storageState,
                               String startUrl, JsonNode geolocation, String intentTemplate, JsonNode instantiation,
                               String intent, Integer intentTemplateId, boolean requireReset, EvalSpec eval,
                               Integer oldTaskId, List<String> gold, String file) {

    /**
     * The {@code eval} block.
     *
     * @param evalTypes        {@code eval_types}
     * @param referenceAnswers {@code reference_answers} (an object, or null for url/program checks)
     * @param referenceUrl     {@code reference_url}, alternatives joined by {@code " |OR| "}
     * @param programHtml      {@code program_html} targets
     * @param stringNote       {@code string_note} (the reason an "N/A" task cannot be done)
     * @param urlNote          {@code url_note} (matching rule), or null for the dialect's default
     * @param raw              the block as read, handed to the evaluator
     */
    public record EvalSpec(List<String> evalTypes, JsonNode referenceAnswers, String referenceUrl,
                           List<Target> programHtml, String stringNote, String urlNote, JsonNode raw) {}

    /**
     * One {@code program_html} target.
     *
     * @param url              {@code url}: {@code last}, a URL, or {@code func:...}
     * @param locator          {@code locator}: empty, a {@code document.…} expression, or {@code func:...}
     * @param requiredContents {@code required_contents} ({@code exact_match} | {@code must_include} | Lite's keys)
     * @param prepActions      {@code prep_actions}, scripts run before the locator
     */
    public record Target(String url, String locator, JsonNode requiredContents, List<String> prepActions) {}
}
