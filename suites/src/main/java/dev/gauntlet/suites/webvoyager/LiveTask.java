package dev.gauntlet.suites.webvoyager;

import java.util.List;

/**
 * One task of a live-web benchmark, as its file gives it.
 *
 * @param id        WebVoyager's {@code id} ({@code Allrecipes--3}) or Online-Mind2Web's {@code task_id}
 * @param site      WebVoyager's {@code web_name}, or the host of Online-Mind2Web's {@code website}
 * @param question  the instruction: WebVoyager's {@code ques}, Online-Mind2Web's {@code confirmed_task}
 * @param startUrl  WebVoyager's {@code web}, Online-Mind2Web's {@code website}
 * @param level     Online-Mind2Web's {@code level} (easy, medium, hard), or null
 * @param referenceLength Online-Mind2Web's {@code reference_length} (steps a human took), or 0
 * @param gold      the built-in sample's demonstration (BrowserGym calls), empty for real tasks
 * @param line      where it was read ({@code file:line}), for messages
 */
public record LiveTask(String id, String site, String question, String startUrl, String level, int referenceLength,
                       List<String> gold, String line) {

    public LiveTask {
        gold = List.copyOf(gold == null ? List.of() : gold);
    }
}
