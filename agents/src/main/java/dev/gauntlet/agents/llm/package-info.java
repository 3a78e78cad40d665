/**
 * The model-backed agent {@code llm}: prompts an OpenAI-compatible LLM or VLM with the page (accessibility text or
 * pruned HTML, optionally a screenshot with set-of-marks labels) and parses its reply in a suite's action grammar.
 */
package dev.gauntlet.agents.llm;
