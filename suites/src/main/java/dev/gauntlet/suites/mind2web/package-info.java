/**
 * Mind2Web in one place: the offline dataset (annotated tasks with each step's HTML, candidate elements and gold
 * operation) read by a streaming loader ({@link dev.gauntlet.suites.mind2web.Mind2WebSuite}), one teacher-forced
 * episode per task as in MindAct's evaluation, MindAct's candidate ranking (its pickle or JSON) for the top-k, the
 * plain {@code CLICK [id]} grammar ({@link dev.gauntlet.suites.mind2web.Mind2WebGrammar}), the oracle with MindAct's
 * metrics (element accuracy, operation F1, step success, task success) and the run's micro and macro averages per
 * split ({@link dev.gauntlet.suites.mind2web.Mind2WebReport}).
 *
 * <p>Upstream data is loaded from {@code -Dmind2web.data=}; without it a small built-in sample in the same format
 * runs (our own pages and words, not upstream's).
 */
package dev.gauntlet.suites.mind2web;
