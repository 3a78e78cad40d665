package dev.gauntlet.suites.mind2web;

import java.util.Map;

/**
 * A candidate element of one step.
 *
 * @param tag              the element's tag
 * @param backendNodeId    Chromium's backend node id, the element's id in the cleaned HTML
 * @param attributes       the attributes, which the dataset gives as a JSON string
 * @param originalTarget   {@code is_original_target} (positives only; negatives may not carry the flags)
 * @param topLevelTarget   {@code is_top_level_target}
 */
record Candidate(String tag, String backendNodeId, Map<String, String> attributes, boolean originalTarget,
                 boolean topLevelTarget) {

    Candidate {
        tag = tag == null ? "" : tag;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
