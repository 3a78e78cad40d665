package dev.gauntlet.suites.mind2web;

import java.util.List;

/**
 * One annotated action of a task, as the dataset gives it.
 *
 * @param actionUid   the action's id, unique in the task
 * @param rawHtml     the page's full HTML when the action was taken
 * @param cleanedHtml the pruned HTML whose elements carry {@code backend_node_id}
 * @param operation   the gold operation
 * @param positives   the gold elements ({@code pos_candidates}; may be empty)
 * @param negatives   the other candidate elements
 */
record Mind2WebStep(String actionUid, String rawHtml, String cleanedHtml, Operation operation,
                    List<Candidate> positives, List<Candidate> negatives) {

    Mind2WebStep {
        rawHtml = rawHtml == null ? "" : rawHtml;
        cleanedHtml = cleanedHtml == null ? "" : cleanedHtml;
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
    }
}
