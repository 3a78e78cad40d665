/**
 * Mind2Web in one place: the offline dataset (annotated tasks with each step's HTML, candidate elements and gold
 * operation) read by a streaming loader ({@link dev.gauntlet.suites.mind2web.Mind2WebSuite}), one teacher-forced
 * episode per task as in MindAct's evaluation (optionally each step's HTML rendered offline for a screenshot), MindAct's
 * candidate ranking (its pickle or JSON) for the top-k, the plain {@code CLICK [id]} grammar
 * ({@link dev.gauntlet.suites.mind2web.Mind2WebGrammar}) and MindAct's multiple-choice answer
 * ({@link dev.gauntlet.suites.mind2web.Mind2WebChoiceGrammar}), the oracle with MindAct's metrics (element accuracy,
 * operation F1, step success, task success) and the run's micro and macro averages per split
 * ({@link dev.gauntlet.suites.mind2web.Mind2WebReport}), and the recorder that turns finished browser runs into
 * Mind2Web records ({@link dev.gauntlet.suites.mind2web.Mind2WebRecorder}).
 *
 * <p>Upstream data is loaded from {@code -Dmind2web.data=}; without it a built-in sample in the same format runs,
 * recorded by the recorder from Gauntlet's own built-in sites (our own pages and words, not upstream's).
 */
package dev.gauntlet.suites.mind2web;
