/**
 * A client for OpenAI-compatible chat-completion servers (vLLM, SGLang, Ollama, llama.cpp, OpenAI) shared by the
 * model-backed agents and the judges: text and image messages, logprobs, retries, a run-wide concurrency limit,
 * token accounting and a content-addressed response cache.
 */
package dev.gauntlet.llm;
