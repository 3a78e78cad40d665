/**
 * Mind2Web in one place: the offline dataset (annotated tasks with each step's HTML, candidate elements and gold
 * operation) read by a streaming loader, one teacher-forced episode per task as in MindAct's evaluation, the plain
 * {@code CLICK [id]} grammar, and the oracle with MindAct's metrics (element accuracy, operation F1, step success,
 * task success; micro and macro averages).
 *
 * <p>Upstream data is loaded from {@code -Dmind2web.data=}; without it a small built-in sample in the same format
 * runs (our own pages and words, not upstream's).
 */
package dev.gauntlet.suites.mind2web;
