package dev.gauntlet.suite;

import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Task;

import java.util.Optional;

/**
 * A task set that checks some tasks' answers against a reference answer without that being the official score
 * (WebVoyager's golden answers on live sites, where its judge decides): the check's verdict is reported in its own
 * column, {@code answer_check}, and decides nothing.
 */
public interface AnswerChecks {

    /** Returns the answer check of {@code task}, or empty when it has none. */
    Optional<Oracle> answerCheck(Task task);
}
