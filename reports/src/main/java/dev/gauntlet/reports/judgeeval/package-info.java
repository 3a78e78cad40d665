/**
 * Judge meta-evaluation: each judge's verdicts in a stored run against human labels (AgentRewardBench's
 * {@code annotations.csv}, Online-Mind2Web's {@code human_label.json}) and against the oracle.
 */
package dev.gauntlet.reports.judgeeval;
